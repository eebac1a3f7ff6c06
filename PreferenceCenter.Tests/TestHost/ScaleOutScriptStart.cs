using System.Diagnostics;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Starts <c>deploy/scale-out.sh</c> and waits for its READY line, keeping what it printed for the error if it ends
/// first. Shared by the tests' deployment and the benchmarks' (a linked file there), which differ only in what they
/// start it with and read from that line.
/// </summary>
internal static class ScaleOutScriptStart
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(4);

    /// <returns>The script's process (stopped through its stop file), its READY line, and all it printed up to then.</returns>
    public static async Task<(Process Script, string ReadyLine, string Printed)> StartAsync(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
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
        try
        {
            var line = await ready.Task.WaitAsync(ReadyWithin);
            lock (output)
            {
                return (script, line, output.ToString());
            }
        }
        catch
        {
            script.Kill(entireProcessTree: true);
            script.Dispose();
            throw;
        }
    }
}
