namespace PreferenceCenter.Features.Webhooks;

/// <summary>How one try went: the receiver's status code, or why there was none (timeout, refused connection).</summary>
public sealed record WebhookAttempt(int? StatusCode, string? Error, TimeSpan? RetryAfter = null)
{
    public bool Acknowledged => StatusCode is >= 200 and < 300;

    /// <summary>410 Gone: the receiver asks us to stop sending (Standard Webhooks).</summary>
    public bool Gone => StatusCode == 410;
}
