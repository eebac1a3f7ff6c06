using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using MimeKit;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Resources;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// Tells a customer, in their language, what support changed for them, with a link to their history: a change they
/// did not ask for never goes unnoticed. Called after the change has committed.
/// </summary>
public sealed class OnBehalfNotifier(
    IDbContextFactory<AppDbContext> dbFactory,
    CustomerContactReader contacts,
    PrivacyNoticeService notices,
    HistoryDescriber describer,
    IStringLocalizer<SharedResource> text,
    MailComposer composer,
    IEmailTransport transport)
{
    /// <summary>Sends the notice; nothing when the customer has no email address on file to send it to.</summary>
    public async Task NotifyAsync(Guid customerId, HistoryItem change, Uri historyLink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var email = (await contacts.GetAsync(customerId, cancellationToken)).Email;
        if (email is null)
        {
            return;
        }

        var culture = CultureInfo.GetCultureInfo(await MailRecipient.LanguageAsync(dbFactory, customerId, cancellationToken));
        var notice = await notices.GetCurrentAsync(culture, cancellationToken);
        // The localizer and the describer read the current culture: the customer's while composing, and no longer.
        var message = MailComposer.InLanguage(culture, language => composer.Compose(
            email, text["Support.Email.Subject"],
            text["Support.Email.Intro", describer.Describe(change, HistoryVocabulary.For(notice, HistoryVocabulary.Empty.QuestionPrompts)),
                TimeFormat.DateAndTime(change.OccurredAt, language)],
            text["Support.Email.Action"], historyLink));

        await transport.SendAsync(message, cancellationToken);
    }
}
