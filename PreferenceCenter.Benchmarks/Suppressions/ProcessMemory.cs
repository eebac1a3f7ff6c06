using System.Globalization;

namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>
/// A process's resident memory from <c>/proc</c>: now (<c>VmRSS</c>) and its peak (<c>VmHWM</c>), which writing 5 to
/// <c>clear_refs</c> resets to now, so a peak can be taken over one request.
/// </summary>
public static class ProcessMemory
{
    public static long ResetPeak(int pid)
    {
        File.WriteAllText($"/proc/{pid}/clear_refs", "5");
        return Read(pid, "VmRSS:");
    }

    public static long Peak(int pid) => Read(pid, "VmHWM:");

    private static long Read(int pid, string field)
    {
        var line = File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }
}
