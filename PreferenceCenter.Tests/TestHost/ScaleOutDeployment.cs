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

    private ScaleOutDeployment(Process script, string stopFile, Uri url, Dictionary<string, int> instancePids)
    {
        this.script = script;
        this.stopFile = stopFile;
        this.instancePids = instancePids;
        Url = url;
    }

    /// <summary>The balancer's address, the one customers use.</summary>
    public Uri Url { get; }

    public static async Task<ScaleOutDeployment> StartAsync()
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var stopFile = Path.Combine(Path.GetTempPath(), $"pc-scale-out-stop-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Root, "deploy", "scale-out.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["SCALE_OUT_APP_DLL"] = Path.Combine(RepositoryPaths.App, "bin", configuration, "net10.0", "PreferenceCenter.dll"),
                ["SCALE_OUT_STOP_FILE"] = stopFile,
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                // The demo customer's receipts and the daily anchor stay quiet during the test.
                ["Receipts__QuietMinutes"] = "1440",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        var script = Process.Start(start) ?? throw new InvalidOperationException("Could not start deploy/scale-out.sh.");
        var output = new System.Text.StringBuilder();
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        script.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                ready.TrySetException(new InvalidOperationException($"deploy/scale-out.sh ended before it was ready:\n{output}"));
                return;
            }

            lock (output)
            {
                output.AppendLine(e.Data);
            }

            if (e.Data.StartsWith("READY ", StringComparison.Ordinal))
            {
                ready.TrySetResult(e.Data);
            }
        };
        script.ErrorDataReceived += (_, e) =>
        {
            lock (output)
            {
                output.AppendLine(e.Data);
            }
        };
        script.BeginOutputReadLine();
        script.BeginErrorReadLine();
        string line;
        try
        {
            line = await ready.Task.WaitAsync(TimeSpan.FromMinutes(4));
        }
        catch
        {
            script.Kill(entireProcessTree: true);
            throw;
        }

        var match = ReadyLine().Match(line);
        var pids = match.Groups["pids"].Value.Split(' ').Select(int.Parse).ToArray();
        return new ScaleOutDeployment(script, stopFile, new Uri(match.Groups["url"].Value), new() { ["app1"] = pids[0], ["app2"] = pids[1] });
    }

    /// <summary>Ends an instance the hard way (SIGKILL): whatever it held in memory, its circuits included, is gone.</summary>
    public void Kill(string instance)
    {
        using var process = Process.GetProcessById(instancePids[instance]);
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
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

    [GeneratedRegex(@"^READY (?<url>\S+) app1=\d+ app2=\d+ pids=(?<pids>[\d ]+)$")]
    private static partial Regex ReadyLine();
}
