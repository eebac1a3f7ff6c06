using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Features.Compliance;

/// <summary>An open erasure request on the panel: no customer named, only what the officer must act on.</summary>
public sealed record ErasureDue(int Id, ErasureState State, DateTimeOffset RequestedAt, DateTimeOffset DueAt, bool Extended, bool CanExtend);
