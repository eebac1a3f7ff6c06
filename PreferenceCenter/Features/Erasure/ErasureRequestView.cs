namespace PreferenceCenter.Features.Erasure;

/// <summary>One request as the customer or the officer sees it, with its deadline worked out for "now".</summary>
public sealed record ErasureRequestView(
    int Id,
    Guid CustomerId,
    ErasureState State,
    DateTimeOffset RequestedAt,
    DateTimeOffset DueAt,
    DateTimeOffset? VerifiedAt,
    string? RejectionReason,
    int DaysLeft,
    bool IsOverdue)
{
    public bool IsOpen => ErasureRules.IsOpen(State);

    public bool CanCancel => ErasureRules.CanCancel(State);

    internal static ErasureRequestView From(ErasureRequest r, DateTimeOffset now) => new(
        r.Id, r.CustomerId, r.State, r.RequestedAt, r.DueAt, r.VerifiedAt, r.RejectionReason,
        ErasureRules.DaysLeft(r.DueAt, now), ErasureRules.IsOverdue(r.State, r.DueAt, now));
}
