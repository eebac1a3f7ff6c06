using Microsoft.Data.Sqlite;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.Data;

public sealed class DatabaseOptionsTests
{
    [Fact]
    public void Resolve_WithNothingConfigured_PutsTheFileInTheAppDataFolderOfTheApp()
    {
        var root = Path.Combine(Path.GetTempPath(), $"pc-root-{Guid.NewGuid():N}");
        try
        {
            var resolved = new SqliteConnectionStringBuilder(DatabaseOptions.Resolve(null, root));

            Assert.Equal(Path.Combine(root, "App_Data", "preferencecenter.db"), resolved.DataSource);
            Assert.True(Directory.Exists(Path.Combine(root, "App_Data")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Resolve_KeepsAbsolutePathsAndOtherSettings()
    {
        var file = Path.Combine(Path.GetTempPath(), "pc-abs.db");

        var resolved = new SqliteConnectionStringBuilder(DatabaseOptions.Resolve($"Data Source={file};Cache=Shared", "/elsewhere"));

        Assert.Equal((file, SqliteCacheMode.Shared), (resolved.DataSource, resolved.Cache));
    }
}
