using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>
/// Builds a marketing-type email about one consent (purpose + channel): in the customer's language, with plain-text
/// and HTML bodies, an unsubscribe link in the footer and in <c>List-Unsubscribe</c>. Queue the result with
/// <see cref="Outbox.Enqueue"/>.
/// </summary>
public sealed class MarketingEmails(LinkTokens tokens, PublicLinks links, IStringLocalizer<SharedResource> text, IOptions<EmailOptions> options)
{
    /// <param name="words">Called with the customer's language in force, so <c>text[...]</c> inside it answers in that language.</param>
    public OutgoingEmail Compose(
        string to, Guid customerId, string? culture, string purposeKey, Channel channel,
        Func<IStringLocalizer<SharedResource>, MarketingEmailContent> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var token = tokens.Create(LinkPurpose.Unsubscribe, customerId, purposeKey, channel, TimeSpan.FromDays(options.Value.UnsubscribeLinkDays));
        var unsubscribe = links.Unsubscribe(token);
        return MailComposer.InLanguage(CultureInfo.GetCultureInfo(SupportedCultures.OrDefault(culture)), _ =>
        {
            var content = words(text);
            string footer = text["Messaging.Footer.Why"], leave = text["Messaging.Footer.Unsubscribe"];
            return new OutgoingEmail(to, content.Subject, TextBody(content, footer, leave, unsubscribe), HtmlBody(content, footer, leave, unsubscribe))
            {
                UnsubscribeLink = unsubscribe,
                CustomerId = customerId,
            };
        });
    }

    private static string TextBody(MarketingEmailContent content, string footer, string leave, Uri unsubscribe) =>
        (content.ActionLink is null ? content.Intro : $"{content.Intro}\n\n{content.ActionText}:\n{content.ActionLink}")
        + $"\n\n--\n{footer}\n{leave}: {unsubscribe}\n";

    private static string HtmlBody(MarketingEmailContent content, string footer, string leave, Uri unsubscribe) =>
        $"<p>{Encode(content.Intro)}</p>"
        + (content.ActionLink is null ? string.Empty : $"<p><a href=\"{Encode(content.ActionLink.AbsoluteUri)}\">{Encode(content.ActionText)}</a></p>")
        + $"<hr><p><small>{Encode(footer)} <a href=\"{Encode(unsubscribe.AbsoluteUri)}\">{Encode(leave)}</a></small></p>";

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
