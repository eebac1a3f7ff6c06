using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Data;

/// <summary>Where the database lives: <c>ConnectionStrings:PreferenceCenter</c>, relative paths resolved against the app's folder.</summary>
public static class DatabaseOptions
{
    public const string ConnectionStringName = "PreferenceCenter";
    public const string DefaultConnectionString = "Data Source=App_Data/preferencecenter.db";

    public static string Resolve(string? configured, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(configured ?? DefaultConnectionString);
        // A relative file would otherwise land wherever the process happened to start.
        if (builder.DataSource != ":memory:" && !builder.DataSource.StartsWith("file:", StringComparison.Ordinal)
            && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(contentRoot, builder.DataSource));
        }

        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } folder)
        {
            Directory.CreateDirectory(folder);
        }

        return builder.ToString();
    }
}
