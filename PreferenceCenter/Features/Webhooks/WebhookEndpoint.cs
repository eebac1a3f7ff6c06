namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// Where an API client wants to hear about changes, and which kinds (<see cref="WebhookEventTypes"/>). The signing
/// secret is stored sealed by Data Protection (<see cref="WebhookSecrets"/>), so the database file alone cannot sign.
/// </summary>
public sealed class WebhookEndpoint
{
    public const int UrlMaxLength = 2_000;

    public Guid Id { get; init; }
    public Guid ApiClientId { get; init; }
    public required string Url { get; init; }

    /// <summary>Space-separated event types, e.g. <c>consent.changed customer.erased</c>.</summary>
    public required string EventTypes { get; init; }

    public required string SealedSecret { get; init; }
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The ledger's last sequence when the endpoint was registered: it hears of later changes only.</summary>
    public long StartsAfterSequence { get; init; }

    /// <summary>Set when the receiver answered 410 Gone; nothing more is sent.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
    public DateTimeOffset? RemovedAt { get; set; }

    public bool IsActive => DisabledAt is null && RemovedAt is null;

    public bool Wants(string eventType) => EventTypes.Split(' ').Contains(eventType, StringComparer.Ordinal);
}
