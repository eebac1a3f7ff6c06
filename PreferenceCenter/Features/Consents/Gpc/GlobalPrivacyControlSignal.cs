namespace PreferenceCenter.Features.Consents.Gpc;

/// <summary>
/// That a customer's browser sent Global Privacy Control and we honoured it (once), and when the customer later chose
/// to share with partners again anyway. One row per customer: its key makes honouring idempotent across requests and
/// instances. It holds no personal data beyond the pseudonymous customer id, like the consent rows it explains.
/// </summary>
public sealed class GlobalPrivacyControlSignal
{
    public Guid CustomerId { get; init; }

    /// <summary>When the signal switched the partner purposes off.</summary>
    public DateTimeOffset HonouredAt { get; init; }

    /// <summary>When the customer turned sharing on again explicitly; null while the signal's choice stands.</summary>
    public DateTimeOffset? OverriddenAt { get; set; }
}
