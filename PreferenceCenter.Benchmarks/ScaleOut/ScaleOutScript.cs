using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Data;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Benchmarks.ScaleOut;

/// <summary>
/// <c>deploy/scale-out.sh</c> as an operator runs it, on the Release build: its own PostgreSQL cluster (durable: the
/// script leaves <c>fsync</c> on), two instances and HAProxy. Ready when the script prints its READY line; stopped by
/// the stop file, which makes the script stop everything it started and delete its folder.
/// </summary>
public sealed partial class ScaleOutScript : IAsyncDisposable
{
    private readonly Process script;
    private readonly string stopFile;

    private ScaleOutScript(Process script, string stopFile, Uri[] instances, int postgresPort)
    {
        this.script = script;
        this.stopFile = stopFile;
        Instances = instances;
        Database = new DatabaseSettings(
            DatabaseProvider.PostgreSQL,
            $"Host=127.0.0.1;Port={postgresPort};Database=preferencecenter;Username=postgres",
            $"Host=127.0.0.1;Port={postgresPort};Database=preferencecenter_keys;Username=postgres");
    }

    /// <summary>Each instance's own address (the burst is split between them, not left to the balancer's stickiness).</summary>
    public IReadOnlyList<Uri> Instances { get; }

    public DatabaseSettings Database { get; }

    /// <summary>Starts the script with <paramref name="settings"/> (configuration keys) in the instances' environment.</summary>
    public static async Task<ScaleOutScript> StartAsync(IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = AppProcess.RepositoryRoot();
        var dll = Path.Combine(root, "PreferenceCenter", "bin", "Release", "net10.0", "PreferenceCenter.dll");
        var stopFile = Path.Combine(Path.GetTempPath(), $"pc-bench-scale-out-stop-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "deploy", "scale-out.sh")])
        {
            Environment = { ["SCALE_OUT_APP_DLL"] = dll, ["SCALE_OUT_STOP_FILE"] = stopFile },
        };
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var (script, line, _) = await ScaleOutScriptStart.StartAsync(start);

        var match = ReadyLine().Match(line);
        Uri Instance(string name) => new($"http://127.0.0.1:{match.Groups[name].Value}/");
        return new ScaleOutScript(script, stopFile, [Instance("app1"), Instance("app2")], int.Parse(match.Groups["pg"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>The app's <c>verify-ledger</c> command on the deployment's database: its exit code and what it printed.</summary>
    public async Task<(int ExitCode, string Output)> VerifyLedgerAsync()
    {
        var root = AppProcess.RepositoryRoot();
        var start = new ProcessStartInfo("dotnet", [Path.Combine(root, "PreferenceCenter", "bin", "Release", "net10.0", "PreferenceCenter.dll"), "verify-ledger"])
        {
            WorkingDirectory = Path.Combine(root, "PreferenceCenter"), RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Logging__LogLevel__Default"] = "Warning",
                ["Database__Provider"] = "PostgreSQL",
                ["ConnectionStrings__PreferenceCenter"] = Database.ConnectionString,
                ["ConnectionStrings__PersonalDataKeys"] = Database.KeyStoreConnectionString,
            },
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5));
        return (process.ExitCode, ((await output).Trim() + " " + (await errors).Trim()).Trim());
    }

    [GeneratedRegex(@"^READY (?<url>\S+) app1=(?<app1>\d+) app2=(?<app2>\d+) postgres=(?<pg>\d+)")]
    private static partial Regex ReadyLine();

    public async ValueTask DisposeAsync()
    {
        await File.WriteAllTextAsync(stopFile, "stop");
        try
        {
            await script.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }
        catch (TimeoutException)
        {
            script.Kill(entireProcessTree: true);
        }

        File.Delete(stopFile);
        script.Dispose();
    }
}
