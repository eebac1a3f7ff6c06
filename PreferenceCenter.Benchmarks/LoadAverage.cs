namespace PreferenceCenter.Benchmarks;

/// <summary>The machine's load average as <c>/proc/loadavg</c> gives it: other tenants' work moves every figure here.</summary>
public static class LoadAverage
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? $"Load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3))}." : "";
}
