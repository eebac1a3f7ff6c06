namespace PreferenceCenter.Infrastructure.Diagnostics;

/// <summary>The managed heap after a forced, compacting full collection, and the circuits open when it was read.</summary>
public sealed record HeapReading(long HeapBytes, int Circuits);
