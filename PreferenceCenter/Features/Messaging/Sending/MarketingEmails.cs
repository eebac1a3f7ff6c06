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
/// and HTML bodies, an unsubscribe link in the footer and in <c>List-Unsubscribe</c>, and a "manage your preferences"
/// link (<see cref="ManageLinks"/>: opens /preferences without a password, for a short while). Queue the result with
/// <see cref="Outbox.Enqueue"/>. A request to confirm a consent not yet given (double opt-in) is no marketing email:
/// <see cref="ComposeRequest"/> says why it came and offers no unsubscribe from what was never started.
/// </summary>
public sealed class MarketingEmails(
    LinkTokens tokens, PublicLinks links, IStringLocalizer<SharedResource> text, IOptions<EmailOptions> options, ManageLinks manage)
{
    /// <param name="words">Called with the customer's language in force, so <c>text[...]</c> inside it answers in that language.</param>
    public OutgoingEmail Compose(
        string to, Guid customerId, string? culture, string purposeKey, Channel channel,
        Func<IStringLocalizer<SharedResource>, MarketingEmailContent> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var token = tokens.Create(LinkPurpose.Unsubscribe, customerId, purposeKey, channel, TimeSpan.FromDays(options.Value.UnsubscribeLinkDays));
        var unsubscribe = links.Unsubscribe(token);
        var preferences = manage.For(customerId);
        return MailComposer.InLanguage(CultureInfo.GetCultureInfo(SupportedCultures.OrDefault(culture)), _ =>
        {
            var content = words(text);
            string footer = text["Messaging.Footer.Why"], leave = text["Messaging.Footer.Unsubscribe"];
            return new OutgoingEmail(
                to, content.Subject,
                TextBody(content, footer, leave, unsubscribe) + ManageText(preferences),
                HtmlBody(content, footer, leave, unsubscribe) + ManageHtml(preferences))
            {
                UnsubscribeLink = unsubscribe,
                CustomerId = customerId,
            };
        });
    }

    /// <summary>
    /// A request to confirm (double opt-in): its footer says the email came because the address was given with a
    /// request, and that nothing starts without confirmation; no unsubscribe link and no <c>List-Unsubscribe</c>.
    /// </summary>
    public OutgoingEmail ComposeRequest(string to, Guid customerId, string? culture, Func<IStringLocalizer<SharedResource>, MarketingEmailContent> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var preferences = manage.For(customerId);
        return MailComposer.InLanguage(CultureInfo.GetCultureInfo(SupportedCultures.OrDefault(culture)), _ =>
        {
            var content = words(text);
            string footer = text["Messaging.Footer.Request"];
            return new OutgoingEmail(
                to, content.Subject,
                $"{Body(content)}\n\n--\n{footer}\n" + ManageText(preferences),
                $"{HtmlMain(content)}<hr><p><small>{Encode(footer)}</small></p>" + ManageHtml(preferences))
            {
                CustomerId = customerId,
            };
        });
    }

    private string ManageText(Uri preferences) => $"{text["Messaging.Footer.Manage"]}: {preferences}\n";

    private string ManageHtml(Uri preferences) =>
        $"<p><small><a href=\"{Encode(preferences.AbsoluteUri)}\">{Encode(text["Messaging.Footer.Manage"])}</a></small></p>";

    private static string Body(MarketingEmailContent content) =>
        content.ActionLink is null ? content.Intro : $"{content.Intro}\n\n{content.ActionText}:\n{content.ActionLink}";

    private static string HtmlMain(MarketingEmailContent content) =>
        $"<p>{Encode(content.Intro)}</p>"
        + (content.ActionLink is null ? string.Empty : $"<p><a href=\"{Encode(content.ActionLink.AbsoluteUri)}\">{Encode(content.ActionText)}</a></p>");

    private static string TextBody(MarketingEmailContent content, string footer, string leave, Uri unsubscribe) =>
        Body(content) + $"\n\n--\n{footer}\n{leave}: {unsubscribe}\n";

    private static string HtmlBody(MarketingEmailContent content, string footer, string leave, Uri unsubscribe) =>
        HtmlMain(content) + $"<hr><p><small>{Encode(footer)} <a href=\"{Encode(unsubscribe.AbsoluteUri)}\">{Encode(leave)}</a></small></p>";

    private static string Encode(string? value) => WebUtility.HtmlEncode(value ?? string.Empty);
}
