namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>
/// One pull of the whole list over HTTP: time to the last byte, the app's CPU for it (less disturbed than wall time
/// by other tenants of a shared machine), its size, and the app's peak resident memory above where it started.
/// </summary>
public sealed record ExportFigure(TimeSpan Elapsed, TimeSpan AppCpu, int Rows, long Bytes, long PeakExtraResidentBytes);
