using Microsoft.Extensions.Options;
using MimeKit;

namespace PreferenceCenter.Features.Messaging;

/// <summary>Builds a message with a plain-text and an HTML body from the same words.</summary>
public sealed class MailComposer(IOptions<EmailOptions> options)
{
    public MimeMessage Compose(string to, string subject, string intro, string? actionText = null, Uri? actionLink = null)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;

        var body = new BodyBuilder
        {
            TextBody = actionLink is null ? intro : $"{intro}\n\n{actionText}:\n{actionLink}",
            HtmlBody = actionLink is null
                ? $"<p>{Encode(intro)}</p>"
                : $"<p>{Encode(intro)}</p><p><a href=\"{Encode(actionLink.ToString())}\">{Encode(actionText)}</a></p>",
        };
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Encode(string? value) => System.Net.WebUtility.HtmlEncode(value ?? string.Empty);
}
