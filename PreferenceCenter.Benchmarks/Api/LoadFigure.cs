namespace PreferenceCenter.Benchmarks.Api;

/// <summary>
/// One measured phase: requests per second, how many were answered and how many not with 200, and the app's CPU per
/// request (less disturbed than the rate by the other tenants of a shared machine).
/// </summary>
public sealed record LoadFigure(double PerSecond, int Done, int Failed, TimeSpan AppCpuEach);
