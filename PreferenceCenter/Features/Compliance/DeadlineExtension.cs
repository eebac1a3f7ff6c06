namespace PreferenceCenter.Features.Compliance;

/// <summary>What the officer filled in to extend one request's deadline.</summary>
public sealed record DeadlineExtension(int RequestId, int Months, string? Reason);
