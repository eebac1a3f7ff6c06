using MimeKit;

namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>Turns a stored outbox row into the MIME message the transport sends, with the same Message-Id on every try.</summary>
public static class OutboxMail
{
    public const string OneClickPostValue = "List-Unsubscribe=One-Click";

    public static MimeMessage ToMime(OutboxMessage row, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(options);
        // A sent row keeps no address or words (see OutboxDispatcher), so it cannot be sent twice by mistake.
        var to = row.To ?? throw new InvalidOperationException($"Outbox message {row.MessageId} was already sent.");
        var message = new MimeMessage
        {
            MessageId = row.MessageId,
            Date = row.CreatedAt,
            Subject = row.Subject ?? string.Empty,
            Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody(),
        };
        message.From.Add(new MailboxAddress(options.FromName, options.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        if (row.UnsubscribeLink is { } link)
        {
            // RFC 2369 lists the ways out, preferred first; RFC 8058 says the HTTPS one takes a one-click POST.
            var mailto = string.IsNullOrEmpty(options.UnsubscribeMailto)
                ? string.Empty
                : $", <mailto:{options.UnsubscribeMailto}?subject=unsubscribe>";
            message.Headers.Add("List-Unsubscribe", $"<{link}>{mailto}");
            message.Headers.Add("List-Unsubscribe-Post", OneClickPostValue);
        }

        return message;
    }
}
