namespace PreferenceCenter.Features.Erasure;

/// <summary>What a valid confirmation link carries.</summary>
public sealed record ErasureToken(int RequestId, Guid CustomerId);
