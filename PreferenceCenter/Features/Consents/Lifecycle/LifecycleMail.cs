using System.Globalization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Queues the lifecycle's two emails inside the caller's transaction: the double opt-in confirmation and the renewal
/// reminder, in the customer's language. The reminder is marketing-type (an unsubscribe link and <c>List-Unsubscribe</c>);
/// the confirmation is a request about a consent not yet given, so it offers no unsubscribe and claims no agreement.
/// </summary>
public sealed class LifecycleMail(
    MarketingEmails emails, LinkTokens tokens, PublicLinks links, Outbox outbox, IOptions<LifecycleOptions> options, TimeProvider time,
    AccountSealer accounts)
{
    public const string ConfirmPath = "confirm";
    public const string RenewPath = "renew";

    /// <returns>False when the customer has no address to write to; nothing was queued.</returns>
    public async Task<bool> EnqueueConfirmationAsync(AppDbContext db, Guid customerId, string purposeKey, Channel channel, CancellationToken cancellationToken)
    {
        var recipient = await MailRecipient.FindAsync(db, accounts, customerId, cancellationToken);
        if (recipient is null)
        {
            return false;
        }

        var days = options.Value.ConfirmationLinkDays;
        var token = tokens.Create(LinkPurpose.ConfirmOptIn, customerId, purposeKey, channel, options.Value.ConfirmationLinkLifetime);
        var title = await TitleAsync(db, purposeKey, recipient, cancellationToken);
        await outbox.EnqueueAsync(db, emails.ComposeRequest(recipient.Address, customerId, recipient.Culture, text =>
        {
            var label = text.ConsentLabel(title, channel);
            return new MarketingEmailContent(
                text["Lifecycle.Mail.Confirm.Subject", label], text.Plural("Lifecycle.Mail.Confirm.Intro", days, label),
                text["Lifecycle.Mail.Confirm.Action"], links.To($"{ConfirmPath}/{token}"));
        }), cancellationToken);
        return true;
    }

    /// <returns>False when the customer has no address to write to; nothing was queued.</returns>
    public async Task<bool> EnqueueReminderAsync(AppDbContext db, Consent consent, string purposeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(consent);
        var recipient = await MailRecipient.FindAsync(db, accounts, consent.CustomerId, cancellationToken);
        if (recipient is null || consent.ExpiresAt is not { } ends)
        {
            return false;
        }

        var token = tokens.Create(LinkPurpose.Renew, consent.CustomerId, purposeKey, consent.Channel, RenewalRules.LinkLifetime(ends, time.GetUtcNowToMillisecond()));
        var title = await TitleAsync(db, purposeKey, recipient, cancellationToken);
        await outbox.EnqueueAsync(db, emails.Compose(recipient.Address, consent.CustomerId, recipient.Culture, purposeKey, consent.Channel, text =>
        {
            var label = text.ConsentLabel(title, consent.Channel);
            // The footer carries the "manage your preferences" link (signed, no password needed).
            return new MarketingEmailContent(
                text["Lifecycle.Mail.Renew.Subject", label],
                text["Lifecycle.Mail.Renew.Intro", label, TimeFormat.Date(ends, CultureInfo.CurrentUICulture)],
                text["Lifecycle.Mail.Renew.Action"], links.To($"{RenewPath}/{token}"));
        }), cancellationToken);
        return true;
    }

    private static Task<string> TitleAsync(AppDbContext db, string purposeKey, MailRecipient recipient, CancellationToken cancellationToken) =>
        PurposeTitles.TitleAsync(db, recipient.Culture, purposeKey, cancellationToken);
}
