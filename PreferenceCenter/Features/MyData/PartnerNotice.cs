using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Webhooks;

namespace PreferenceCenter.Features.MyData;

/// <summary>
/// A withdrawal or an erasure we passed on to a partner's system (GDPR Art. 19), and how far it got: waiting,
/// failing (we keep trying), acknowledged, or given up (our privacy team sees it as a dead letter).
/// </summary>
public sealed record PartnerNotice(
    bool Erasure, string? PurposeTitle, Channel? Channel, DateTimeOffset At, WebhookDeliveryState State, DateTimeOffset? AcknowledgedAt);
