namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// One event on its way to one endpoint. Made by the dispatcher from a ledger entry (<see cref="WebhookFanOut"/>);
/// it keeps its <see cref="MessageId"/> and body on every retry, so a receiver can drop duplicates by the id.
/// Its times are the delivery record customers read on /my-data (sent, acknowledged, failing).
/// </summary>
public sealed class WebhookDelivery
{
    public const int ErrorMaxLength = 300;
    public const int PayloadMaxLength = 4_000;

    public long Id { get; init; }
    public Guid EndpointId { get; init; }
    public long LedgerSequence { get; init; }

    /// <summary>Whom the event is about: deliveries of one customer to one endpoint go strictly in order.</summary>
    public Guid CustomerId { get; init; }
    public required string EventType { get; init; }
    public required string MessageId { get; init; }
    public required string Payload { get; init; }
    public DateTimeOffset OccurredAt { get; init; }
    public DateTimeOffset QueuedAt { get; init; }

    /// <summary>From when the dead-letter time counts: queued, or the officer's "send again".</summary>
    public DateTimeOffset TryingSince { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    public string? LastError { get; set; }

    /// <summary>The receiver answered 2xx.</summary>
    public DateTimeOffset? AcknowledgedAt { get; set; }

    /// <summary>Given up after <see cref="WebhookOptions.DeadLetterAfter"/>; the officer can send it again.</summary>
    public DateTimeOffset? DeadLetteredAt { get; set; }

    public WebhookDeliveryState State => this switch
    {
        { AcknowledgedAt: not null } => WebhookDeliveryState.Acknowledged,
        { DeadLetteredAt: not null } => WebhookDeliveryState.DeadLettered,
        { Attempts: > 0 } => WebhookDeliveryState.Failing,
        _ => WebhookDeliveryState.Waiting,
    };
}
