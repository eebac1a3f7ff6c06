namespace PreferenceCenter.Features.Webhooks;

/// <summary>Where a delivery stands, as the officer's page and the customer's /my-data say it.</summary>
public enum WebhookDeliveryState
{
    /// <summary>Queued, not tried yet.</summary>
    Waiting = 1,

    /// <summary>Tried and not acknowledged yet: we keep trying.</summary>
    Failing = 2,

    /// <summary>The receiver answered 2xx.</summary>
    Acknowledged = 3,

    /// <summary>We stopped trying; it waits for the officer's "send again".</summary>
    DeadLettered = 4,
}
