namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// How far the dispatcher has read the ledger: entries up to <see cref="LastSequence"/> have their deliveries. One
/// row, moved in the same transaction as the deliveries it made, so each entry fans out exactly once.
/// </summary>
public sealed class WebhookFeedPosition
{
    public const int SingleRowId = 1;

    public int Id { get; init; } = SingleRowId;
    public long LastSequence { get; set; }
}
