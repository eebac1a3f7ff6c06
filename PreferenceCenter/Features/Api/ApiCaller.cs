namespace PreferenceCenter.Features.Api;

/// <summary>Who the key belongs to and what it may do: for a sender's developer checking a new key.</summary>
public sealed record ApiCaller(string Name, IReadOnlyList<string> Scopes);
