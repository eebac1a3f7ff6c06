using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// The current state of one (customer, purpose, channel): a projection of the ledger, kept for fast reads.
/// <see cref="Version"/> is the optimistic-concurrency token the UI sends back with a change.
/// </summary>
public sealed class Consent
{
    public int Id { get; init; }
    public Guid CustomerId { get; init; }
    public int PurposeId { get; init; }
    public Channel Channel { get; init; }
    public ConsentState State { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }

    /// <summary>When the expiry job recorded this period's lapse in the ledger; cleared when a new period starts.</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; set; }
    public int NoticeVersion { get; set; }
    public ChangeSource Source { get; set; }
    public int Version { get; set; }
}
