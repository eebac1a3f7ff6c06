using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Configuration;

public static class RepositorySettingsExtensions
{
    public const string FileName = "appsettings.Development.json";

    /// <summary>
    /// In Development, reads the repository-root <c>appsettings.Development.json</c> (the file developers edit).
    /// It goes right after the other JSON files, so environment variables and the command line still override it.
    /// </summary>
    public static IConfigurationManager AddRepositoryDevelopmentSettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment())
        {
            return configuration;
        }

        var root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, ".."));
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = false,
            ReloadOnChange = true,
            FileProvider = new PhysicalFileProvider(root),
        };
        var lastJson = configuration.Sources.Select((s, i) => (s, i)).Where(x => x.s is JsonConfigurationSource).Select(x => x.i).DefaultIfEmpty(-1).Max();
        configuration.Sources.Insert(lastJson + 1, source);
        return configuration;
    }
}
