using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using PreferenceCenter.Benchmarks.PostgreSql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Benchmarks.Http;

/// <summary>
/// The real app, built in Release, as its own process on Kestrel on a free loopback port, with a fresh SQLite file
/// (or two fresh databases on a PostgreSQL server) and the benchmark-only bare endpoint switched on. Stopped (and its
/// files or databases deleted) on dispose.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string folder;
    private readonly PostgreSqlServer? postgres;

    private AppProcess(Process process, string folder, Uri baseAddress, string databasePath, IReadOnlyDictionary<string, string?> settings, PostgreSqlServer? postgres)
    {
        this.process = process;
        this.folder = folder;
        this.postgres = postgres;
        BaseAddress = baseAddress;
        DatabasePath = databasePath;
        Settings = settings;
        Database = postgres is null
            ? DatabaseSettings.Sqlite($"Data Source={databasePath}", settings["ConnectionStrings:PersonalDataKeys"]!)
            : new DatabaseSettings(DatabaseProvider.PostgreSQL, settings["ConnectionStrings:PreferenceCenter"]!, settings["ConnectionStrings:PersonalDataKeys"]!);
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's process id: its memory is read from <c>/proc</c>.</summary>
    public int ProcessId => process.Id;
    /// <summary>The app's SQLite file (unused when it runs on PostgreSQL).</summary>
    public string DatabasePath { get; }

    /// <summary>The app's store, whichever provider: a seeding step opens its own context on it.</summary>
    public DatabaseSettings Database { get; }

    /// <summary>
    /// The configuration the app was started with (keys as <c>IConfiguration</c> spells them), so a seeding step can
    /// compose the app's own services on the same database and personal-data keys.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Settings { get; }

    /// <summary>CPU the app has used so far: per request, a figure the other tenants of a shared machine disturb less than wall time.</summary>
    public TimeSpan CpuTime
    {
        get
        {
            process.Refresh();
            return process.TotalProcessorTime;
        }
    }

    /// <summary>
    /// Starts the app in Production, or in Development with <paramref name="extra"/> settings on top (the memory
    /// benchmark wants the demo customer's page, which only Development seeds). With <paramref name="postgres"/>, on
    /// two new databases there (main and key store) instead of SQLite files.
    /// </summary>
    public static async Task<AppProcess> StartAsync(
        string environment = "Production", IReadOnlyDictionary<string, string?>? extra = null, PostgreSqlServer? postgres = null)
    {
        var appFolder = Path.Combine(RepositoryRoot(), "PreferenceCenter");
        var dll = Path.Combine(appFolder, "bin", "Release", "net10.0", "PreferenceCenter.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"Build the app in Release first (dotnet run -c Release builds it): {dll} is missing.");
        }

        var folder = Path.Combine(Path.GetTempPath(), $"pc-bench-app-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var databasePath = Path.Combine(folder, "app.db");
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PreferenceCenter"] = $"Data Source={databasePath}",
            ["ConnectionStrings:PersonalDataKeys"] = $"Data Source={Path.Combine(folder, "keys.db")}",
            // Production refuses to start without its three personal-data keys; a run's own random ones will do.
            ["PersonalData:MasterKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:BlindIndexKey"] = BenchmarkServices.RandomKey(),
            ["PersonalData:SuppressionKey"] = BenchmarkServices.RandomKey(),
            ["App:PublicBaseUrl"] = baseAddress.AbsoluteUri,
            ["Email:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Benchmark:BareEndpoint"] = "true",
            // The load comes from one address, as a whole mailbox provider's would: limits on, far above the load.
            ["RateLimits:OneClickUnsubscribe:PerClient:Permits"] = "1000000",
            ["RateLimits:OneClickUnsubscribe:PerClient:Window"] = "00:00:01",
            ["RateLimits:EmailedLink:PerClient:Permits"] = "1000000",
            ["RateLimits:EmailedLink:PerClient:Window"] = "00:00:01",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        if (postgres is not null)
        {
            settings[DatabaseSettings.ProviderKey] = "PostgreSQL";
            settings["ConnectionStrings:PreferenceCenter"] = await postgres.CreateDatabaseAsync("pc_bench_app");
            settings["ConnectionStrings:PersonalDataKeys"] = await postgres.CreateDatabaseAsync("pc_bench_app_keys");
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = appFolder, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["ASPNETCORE_URLS"] = baseAddress.AbsoluteUri.TrimEnd('/'),
            },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        // Warnings and errors only (the log level is Warning): a failing request shows why.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  app: {e.Data}"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  app: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppProcess(process, folder, baseAddress, databasePath, settings, postgres);
        try
        {
            await app.WaitUntilReadyAsync();
        }
        catch
        {
            await app.DisposeAsync();   // never leave a half-started app behind
            throw;
        }

        return app;
    }

    // Readiness: the bare endpoint answers (the body it checks) once Kestrel listens and the database is migrated.
    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}.");
            }

            try
            {
                using var body = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
                using var response = await client.PostAsync("bench/bare", body);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("The app did not answer within 180 seconds.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PreferenceCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Run the benchmark from inside the repository.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(folder, recursive: true);
        if (postgres is not null)
        {
            await postgres.DropDatabaseAsync(Settings["ConnectionStrings:PreferenceCenter"]!);
            await postgres.DropDatabaseAsync(Settings["ConnectionStrings:PersonalDataKeys"]!);
        }
    }
}
