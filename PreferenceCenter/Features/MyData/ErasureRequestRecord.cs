namespace PreferenceCenter.Features.MyData;

/// <summary>An erasure request and where it stands.</summary>
public sealed record ErasureRequestRecord(int Id, string State, DateTimeOffset RequestedAt, DateTimeOffset DueAt, string? RejectionReason);
