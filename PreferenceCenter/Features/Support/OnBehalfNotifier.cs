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

        var culture = CultureInfo.GetCultureInfo(await CustomerLanguage.ReadAsync(dbFactory, customerId, cancellationToken));
        var notice = await notices.GetCurrentAsync(culture, cancellationToken);
        MimeMessage message;
        var (reader, readerUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // The localizer and the describer read the current culture: the customer's while composing, and no longer.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var what = describer.Describe(change, HistoryVocabulary.For(notice, HistoryVocabulary.Empty.QuestionPrompts));
            message = composer.Compose(
                email, text["Support.Email.Subject"], text["Support.Email.Intro", what, TimeFormat.DateAndTime(change.OccurredAt, culture)],
                text["Support.Email.Action"], historyLink);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (reader, readerUi);
        }

        await transport.SendAsync(message, cancellationToken);
    }
}
