using System.Diagnostics;
using System.Text.RegularExpressions;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// <c>deploy/scale-out.sh</c> as an operator runs it (the tests' own build of the app): a PostgreSQL cluster of its
/// own, two instances and HAProxy. Ready when the script prints its READY line; disposed by asking the script to stop,
/// which stops everything it started and deletes its folder.
/// </summary>
public sealed partial class ScaleOutDeployment : IAsyncDisposable
{
    private readonly Process script;
    private readonly string stopFile;
    private readonly Dictionary<string, int> instancePids;
    private readonly string folder;

    private ScaleOutDeployment(Process script, string stopFile, Uri url, Dictionary<string, int> instancePids, Uri[] instances, int postgresPort, string folder)
    {
        this.folder = folder;
        this.script = script;
        this.stopFile = stopFile;
        this.instancePids = instancePids;
        Url = url;
        Instances = instances;
        PostgresPort = postgresPort;
    }

    /// <summary>The balancer's address, the one customers use.</summary>
    public Uri Url { get; }

    /// <summary>Each instance's own address, behind the balancer.</summary>
    public IReadOnlyList<Uri> Instances { get; }

    /// <summary>The deployment's own cluster (loopback, trust authentication for the postgres user).</summary>
    public int PostgresPort { get; }

    /// <summary>The deployment's main database, unpooled: a test may restart the server between two reads.</summary>
    public string MainConnectionString => $"Host=127.0.0.1;Port={PostgresPort};Database=preferencecenter;Username=postgres;Pooling=false";

    /// <summary>The settings with which the app's commands (verify-ledger) reach the deployment's databases.</summary>

    public IReadOnlyDictionary<string, string> DatabaseEnvironment => new Dictionary<string, string>
    {
        ["Database__Provider"] = "PostgreSQL",
        ["ConnectionStrings__PreferenceCenter"] = $"Host=127.0.0.1;Port={PostgresPort};Database=preferencecenter;Username=postgres",
        ["ConnectionStrings__PersonalDataKeys"] = $"Host=127.0.0.1;Port={PostgresPort};Database=preferencecenter_keys;Username=postgres",
    };

    public static async Task<ScaleOutDeployment> StartAsync()
    {
        var stopFile = Path.Combine(Path.GetTempPath(), $"pc-scale-out-stop-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "scale-out.sh")])
        {
            Environment =
            {
                ["SCALE_OUT_APP_DLL"] = RepositoryPaths.AppDll,
                ["SCALE_OUT_STOP_FILE"] = stopFile,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                // The demo customer's receipts and the daily anchor stay quiet during the test.
                ["Receipts__QuietMinutes"] = "1440",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var (script, line, printed) = await ScaleOutScriptStart.StartAsync(start);

        var match = ReadyLine().Match(line);
        var pids = match.Groups["pids"].Value.Split(' ').Select(int.Parse).ToArray();
        Uri Instance(string name) => new($"http://127.0.0.1:{match.Groups[name].Value}/");
        return new ScaleOutDeployment(
            script, stopFile, new Uri(match.Groups["url"].Value), new() { ["app1"] = pids[0], ["app2"] = pids[1] },
            [Instance("app1"), Instance("app2")], int.Parse(match.Groups["pg"].Value, System.Globalization.CultureInfo.InvariantCulture),
            LogsLine().Match(printed).Groups["folder"].Value);
    }

    /// <summary>Ends an instance the hard way (SIGKILL): whatever it held in memory, its circuits included, is gone.</summary>
    public void Kill(string instance)
    {
        using var process = Process.GetProcessById(instancePids[instance]);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>The folder the deployment's email goes to (the instances' pickup folder).</summary>
    public string MailFolder => Path.Combine(folder, "mail");

    /// <summary>Stops the deployment's PostgreSQL (fast shutdown: open sessions are cut), as an outage would.</summary>
    public Task StopDatabaseAsync() => PgCtlAsync("-m", "fast", "stop");

    /// <summary>Starts it again with the settings the script gave it.</summary>
    public Task StartDatabaseAsync() => PgCtlAsync(
        "-l", Path.Combine(folder, "postgresql.log"), "-w", "-t", "60",
        "-o", $"-c listen_addresses=127.0.0.1 -p {PostgresPort} -k {folder} -c max_connections=200", "start");

    private async Task PgCtlAsync(params string[] arguments)
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .OrderBy(d => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : new Version(0, 0)).Last();
        string[] pgCtl = [Path.Combine(bin, "pg_ctl"), "-D", Path.Combine(folder, "pg"), .. arguments];
        // PostgreSQL refuses to run as root; the script ran it as the postgres user, and so must this.
        var start = Environment.UserName == "root"
            ? new ProcessStartInfo("runuser", ["-u", "postgres", "--", .. pgCtl])
            : new ProcessStartInfo(pgCtl[0], pgCtl[1..]);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed: {await output}{await errors}");
        }
    }

    /// <summary>What went wrong, for a failing test's message: the warnings and errors each instance logged.</summary>
    public string Problems()
    {
        var text = new System.Text.StringBuilder();
        foreach (var instance in instancePids.Keys)
        {
            var log = Path.Combine(folder, $"{instance}.log");
            var lines = File.Exists(log) ? File.ReadAllLines(log) : [];
            text.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"--- {instance} ({lines.Length} lines logged), its last warnings and errors:");
            var problems = lines.Select((line, i) => (line, i)).Where(x => x.line.StartsWith("warn:", StringComparison.Ordinal) || x.line.StartsWith("fail:", StringComparison.Ordinal) || x.line.StartsWith("crit:", StringComparison.Ordinal)).TakeLast(5);
            foreach (var (_, i) in problems)
            {
                text.AppendJoin('\n', lines.Skip(i).Take(8)).AppendLine();
            }
        }

        return text.ToString();
    }

    /// <summary>Runs <paramref name="test"/>; if it fails, the failure says what the instances logged.</summary>
    public async Task WithProblemsOnFailureAsync(Func<Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        try
        {
            await test();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException($"{e.Message}\n{Problems()}\n{e.StackTrace}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await File.WriteAllTextAsync(stopFile, "stop");
        try
        {
            await script.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            script.Kill(entireProcessTree: true);
        }

        File.Delete(stopFile);
        script.Dispose();
    }

    [GeneratedRegex(@"\(logs in (?<folder>\S+)\)")]
    private static partial Regex LogsLine();

    [GeneratedRegex(@"^READY (?<url>\S+) app1=(?<app1>\d+) app2=(?<app2>\d+) postgres=(?<pg>\d+) pids=(?<pids>[\d ]+)$")]
    private static partial Regex ReadyLine();
}
