namespace PreferenceCenter.Benchmarks.Suppressions;

/// <summary>
/// Keys for the list by reference and with addresses, and a check batch: erased, live and unknown addresses, shuffled.
/// </summary>
public sealed record SuppressionWorkload(string ReferencesKey, string AddressesKey, IReadOnlyList<string> CheckItems);
