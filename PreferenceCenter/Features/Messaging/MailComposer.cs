using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;

namespace PreferenceCenter.Features.Messaging;

/// <summary>Builds a message with a plain-text and an HTML body from the same words.</summary>
public sealed partial class MailComposer(IOptions<EmailOptions> options, ILogger<MailComposer>? logger = null)
{
    /// <summary>
    /// The message; addressed to nobody when <paramref name="to"/> is no address the mail library can send to (one
    /// stored before <see cref="MailAddresses"/> guarded the forms), which the transports then drop rather than fail.
    /// </summary>
    public MimeMessage Compose(string to, string subject, string intro, string? actionText = null, Uri? actionLink = null)
    {
        var settings = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        if (MailAddresses.TryParse(to) is { } recipient)
        {
            message.To.Add(recipient);
        }
        else if (logger is not null)
        {
            LogUndeliverable(logger, subject);
        }

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

    /// <summary>A message of several paragraphs and no call to action: blank lines in the text body, one <c>p</c> each in HTML.</summary>
    public MimeMessage ComposeParagraphs(string to, string subject, IReadOnlyList<string> paragraphs)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var message = Compose(to, subject, string.Join("\n\n", paragraphs));
        message.Body = new BodyBuilder
        {
            TextBody = string.Join("\n\n", paragraphs),
            HtmlBody = string.Concat(paragraphs.Select(p => $"<p>{Encode(p)}</p>")),
        }.ToMessageBody();
        return message;
    }

    /// <summary>
    /// Runs <paramref name="compose"/> with the reader's language as the current culture and UI culture, then puts the
    /// caller's back: the localizer, the describers and number formats read the current culture, and an email is
    /// written in its reader's language, not in that of whoever triggered it. Compose synchronously inside: an await
    /// could resume with the caller's culture half-way.
    /// </summary>
    public static T InLanguage<T>(CultureInfo language, Func<CultureInfo, T> compose)
    {
        ArgumentNullException.ThrowIfNull(language);
        ArgumentNullException.ThrowIfNull(compose);
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (language, language);
            return compose(language);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email \"{Subject}\" not sent: the stored address is not one the mail library can send to.")]
    private static partial void LogUndeliverable(ILogger logger, string subject);

    private static string Encode(string? value) => System.Net.WebUtility.HtmlEncode(value ?? string.Empty);
}
