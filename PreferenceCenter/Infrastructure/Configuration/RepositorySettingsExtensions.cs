using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Microsoft.Extensions.Configuration;

public static partial class RepositorySettingsExtensions
{
    public const string FileName = "appsettings.Development.json";

    /// <summary>
    /// In Development, reads the repository-root <c>appsettings.Development.json</c> (the file developers edit).
    /// It goes right after the other JSON files, so environment variables and the command line still override it.
    /// Optional: a published build run in Development has no repository around it (<see cref="LogRepositorySettings"/> says so).
    /// </summary>
    public static IConfigurationManager AddRepositoryDevelopmentSettings(this IConfigurationManager configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (!environment.IsDevelopment())
        {
            return configuration;
        }

        var root = RootOf(environment);
        var source = new JsonConfigurationSource
        {
            Path = FileName,
            Optional = true,
            ReloadOnChange = true,
            FileProvider = new PhysicalFileProvider(root),
        };
        var lastJson = configuration.Sources.Select((s, i) => (s, i)).Where(x => x.s is JsonConfigurationSource).Select(x => x.i).DefaultIfEmpty(-1).Max();
        configuration.Sources.Insert(lastJson + 1, source);
        return configuration;
    }

    /// <summary>In Development, one log line saying which repository-root settings file was read, or that none was found.</summary>
    public static void LogRepositorySettings(this IHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var environment = app.Services.GetRequiredService<IHostEnvironment>();
        if (!environment.IsDevelopment())
        {
            return;
        }

        var path = Path.Combine(RootOf(environment), FileName);
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(RepositorySettingsExtensions));
        if (File.Exists(path))
        {
            LogRead(logger, path);
        }
        else
        {
            LogNotFound(logger, path);
        }
    }

    private static string RootOf(IHostEnvironment environment) => Path.GetFullPath(Path.Combine(environment.ContentRootPath, ".."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Development settings read from {Path}.")]
    private static partial void LogRead(ILogger logger, string path);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development settings file {Path} was not found (a published build has no repository around it); running on appsettings.json, environment variables and the command line.")]
    private static partial void LogNotFound(ILogger logger, string path);
}
