using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>One change we told a partner about, and how far it got (from the delivery record).</summary>
public sealed record PartnerDelivery(
    int RecipientId,
    LedgerEventType Change,
    string? PurposeKey,
    Channel? Channel,
    DateTimeOffset OccurredAt,
    WebhookDeliveryState State,
    DateTimeOffset? LastAttemptAt,
    DateTimeOffset? AcknowledgedAt);
