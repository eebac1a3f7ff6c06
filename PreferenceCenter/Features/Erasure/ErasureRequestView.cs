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
    bool IsOverdue,
    bool LinkLapsed = false)
{
    public bool IsOpen => ErasureRules.IsOpen(State);

    public bool CanCancel => ErasureRules.CanCancel(State);

    /// <param name="linkSentAt">When the last confirmation link went out (the request itself, or the last resend).</param>
    /// <param name="linkHours">How long a confirmation link works; null where nobody needs to know whether it lapsed.</param>
    internal static ErasureRequestView From(ErasureRequest r, DateTimeOffset now, DateTimeOffset? linkSentAt = null, int? linkHours = null) => new(
        r.Id, r.CustomerId, r.State, r.RequestedAt, r.DueAt, r.VerifiedAt, r.RejectionReason,
        ErasureRules.DaysLeft(r.DueAt, now), ErasureRules.IsOverdue(r.State, r.DueAt, now),
        linkHours is int hours && r.State == ErasureState.Requested && now >= (linkSentAt ?? r.RequestedAt).AddHours(hours));
}
