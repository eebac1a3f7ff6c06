using System.Diagnostics;

namespace PreferenceCenter.Benchmarks.Circuits;

/// <summary>
/// With <c>PC_BENCH_GCDUMP=file.gcdump</c> (and <c>dotnet-gcdump</c> on the PATH or in <c>PC_BENCH_GCDUMP_TOOL</c>),
/// snapshots the app's heap with no tab open and with all open (<c>file-none.gcdump</c>, <c>file-open.gcdump</c>): the
/// figure says how much, the difference of the two dumps says what (<c>dotnet-gcdump report</c>).
/// </summary>
internal static class GcDump
{
    public static async Task CollectIfAskedAsync(int processId, string moment)
    {
        var output = Environment.GetEnvironmentVariable("PC_BENCH_GCDUMP");
        if (string.IsNullOrWhiteSpace(output))
        {
            return;
        }

        output = Path.ChangeExtension(output, null) + "-" + moment + ".gcdump";
        var tool = Environment.GetEnvironmentVariable("PC_BENCH_GCDUMP_TOOL") ?? "dotnet-gcdump";
        using var dump = Process.Start(new ProcessStartInfo(tool, ["collect", "-p", processId.ToString(System.Globalization.CultureInfo.InvariantCulture), "-o", output])
        {
            RedirectStandardOutput = true,
        }) ?? throw new InvalidOperationException($"Could not start {tool}.");
        await dump.StandardOutput.ReadToEndAsync();
        await dump.WaitForExitAsync();
        Console.WriteLine($"Heap dump ({moment}): {output} (exit {dump.ExitCode})");
    }
}
