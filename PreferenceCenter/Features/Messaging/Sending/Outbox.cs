using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>
/// Queues email inside the caller's transaction: the row commits with the change that caused it (or not at all),
/// and <see cref="OutboxDispatcher"/> sends it only after commit.
/// </summary>
public sealed class Outbox(TimeProvider time, IOptions<EmailOptions> options)
{
    /// <summary>Adds the message to <paramref name="db"/>; the caller's SaveChanges and commit make it real.</summary>
    public OutboxMessage Enqueue(AppDbContext db, OutgoingEmail email)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        var now = time.GetUtcNowToMillisecond();
        var domain = options.Value.FromAddress.Split('@')[^1];
        var message = new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@{domain}",
            CustomerId = email.CustomerId,
            To = email.To,
            Subject = email.Subject,
            TextBody = email.TextBody,
            HtmlBody = email.HtmlBody,
            UnsubscribeLink = email.UnsubscribeLink?.AbsoluteUri,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }
}
