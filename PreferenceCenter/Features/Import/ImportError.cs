namespace PreferenceCenter.Features.Import;

/// <summary>What is wrong with a file: the line (1 is the header), the column when one is to blame, and why.</summary>
public sealed record ImportError(int Line, string? Field, string Message);
