namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>One pull of the whole list over HTTP: time to the last byte, its size, and the app's peak resident memory above where it started.</summary>
public sealed record ExportFigure(TimeSpan Elapsed, int Rows, long Bytes, long PeakExtraResidentBytes);
