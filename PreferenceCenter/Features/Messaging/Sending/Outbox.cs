using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>
/// Queues email inside the caller's transaction: the row commits with the change that caused it (or not at all),
/// and <see cref="OutboxDispatcher"/> sends it only after commit. Mail to a customer is sealed with their key while
/// it waits, so a backup taken meanwhile holds no readable address or words, and erasing them makes it unreadable.
/// </summary>
public sealed class Outbox(TimeProvider time, IOptions<EmailOptions> options, PersonalDataProtector protector)
{
    /// <summary>Adds the message to <paramref name="db"/>; the caller's SaveChanges and commit make it real.</summary>
    public async Task<OutboxMessage> EnqueueAsync(AppDbContext db, OutgoingEmail email, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(email);
        using var cipher = email.CustomerId is { } customerId ? await protector.ForWritingAsync(customerId, cancellationToken) : null;
        var now = time.GetUtcNowToMillisecond();
        var domain = options.Value.FromAddress.Split('@')[^1];
        var message = new OutboxMessage
        {
            MessageId = $"{Guid.NewGuid():N}@{domain}",
            CustomerId = email.CustomerId,
            To = Seal(cipher, email.To),
            Subject = Seal(cipher, email.Subject),
            TextBody = Seal(cipher, email.TextBody),
            HtmlBody = Seal(cipher, email.HtmlBody),
            UnsubscribeLink = email.UnsubscribeLink?.AbsoluteUri,
            CreatedAt = now,
            NextAttemptAt = now,
        };
        db.OutboxMessages.Add(message);
        return message;
    }

    /// <summary>
    /// The row as it is to be sent (a detached copy: the opened words are never saved back), or null when the
    /// customer's key is gone — they were erased, and the mail must not reach someone we have forgotten.
    /// </summary>
    public async Task<OutboxMessage?> OpenAsync(OutboxMessage row, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.CustomerId is not { } customerId)
        {
            return row;
        }

        using var cipher = await protector.ForReadingAsync(customerId, cancellationToken);
        return cipher is null
            ? null
            : new OutboxMessage
            {
                Id = row.Id, MessageId = row.MessageId, CustomerId = customerId, CreatedAt = row.CreatedAt,
                To = cipher.Unprotect(row.To), Subject = cipher.Unprotect(row.Subject),
                TextBody = cipher.Unprotect(row.TextBody), HtmlBody = cipher.Unprotect(row.HtmlBody),
                UnsubscribeLink = row.UnsubscribeLink,
            };
    }

    private static string? Seal(CustomerCipher? cipher, string? value) => cipher is null || value is null ? value : cipher.Protect(value);
}
