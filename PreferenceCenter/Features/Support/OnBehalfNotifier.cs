using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Localization;
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
    /// <summary>Sends the notice; false when the customer has no email address on file to send it to.</summary>
    public async Task<bool> NotifyAsync(Guid customerId, HistoryItem change, Uri historyLink, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        var email = (await contacts.GetAsync(customerId, cancellationToken)).Email;
        if (email is null)
        {
            return false;
        }

        var culture = CultureInfo.GetCultureInfo(await PreferredCultureAsync(customerId, cancellationToken));
        var (reader, readerUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            // The localizer and the describer read the current culture: switch to the customer's while composing.
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
            var notice = await notices.GetCurrentAsync(culture, cancellationToken);
            var what = describer.Describe(change, HistoryVocabulary.For(notice, HistoryVocabulary.Empty.QuestionPrompts));
            var message = composer.Compose(
                email, text["Support.Email.Subject"], text["Support.Email.Intro", what, TimeFormat.DateAndTime(change.OccurredAt, culture)],
                text["Support.Email.Action"], historyLink);
            await transport.SendAsync(message, cancellationToken);
            return true;
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (reader, readerUi);
        }
    }

    private async Task<string> PreferredCultureAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preferred = await db.Customers.Where(c => c.Id == customerId).Select(c => c.PreferredCulture).FirstOrDefaultAsync(cancellationToken);
        return SupportedCultures.IsSupported(preferred) ? preferred! : SupportedCultures.Default;
    }
}
