namespace PreferenceCenter.Benchmarks.Api;

/// <summary>What the API benchmark asks about: the client's key, customers by reference, and a few by email.</summary>
public sealed record ApiWorkload(string Key, IReadOnlyList<string> References, IReadOnlyList<string> Emails);
