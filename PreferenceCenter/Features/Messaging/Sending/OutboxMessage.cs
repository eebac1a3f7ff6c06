namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>
/// One email waiting for (or past) its send. Written in the transaction of the change that caused it, read by the
/// dispatcher after commit. <see cref="MessageId"/> is fixed at enqueue, so a resend after a crash is recognisable.
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 320;
    public const int SubjectMaxLength = 400;
    public const int ErrorMaxLength = 500;

    public long Id { get; init; }
    public required string MessageId { get; init; }
    public Guid? CustomerId { get; init; }
    public string? To { get; set; }
    public string? Subject { get; set; }
    public string? TextBody { get; set; }
    public string? HtmlBody { get; set; }
    public string? UnsubscribeLink { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }
}
