using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Data;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Receipts;

/// <summary>
/// Queues a receipt inside the caller's transaction, in the customer's language. It is no marketing email: it
/// reports what the customer did, so it carries no unsubscribe link; its footer says how to turn receipts off and
/// carries the "manage your preferences" link every email has.
/// </summary>
public sealed class ReceiptMail(ReceiptWriter writer, ManageLinks manage, Outbox outbox, IStringLocalizer<SharedResource> text)
{
    public async Task EnqueueAsync(
        AppDbContext db, MailRecipient recipient, Guid customerId, IReadOnlyList<ReceiptLine> session, HistoryVocabulary vocabulary,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        var preferences = manage.For(customerId);
        var email = MailComposer.InLanguage(CultureInfo.GetCultureInfo(recipient.Culture), _ =>
        {
            var receipt = writer.Write(session, vocabulary, now);
            string footer = text["Receipts.Footer"], manageText = text["Messaging.Footer.Manage"];
            return new OutgoingEmail(
                recipient.Address, receipt.Subject,
                $"{ReceiptWriter.PlainText(receipt)}\n--\n{footer}\n{manageText}: {preferences}\n",
                $"{ReceiptWriter.Html(receipt)}<hr><p><small>{Encode(footer)}</small></p>"
                + $"<p><small><a href=\"{Encode(preferences.AbsoluteUri)}\">{Encode(manageText)}</a></small></p>")
            {
                CustomerId = customerId,
            };
        });
        await outbox.EnqueueAsync(db, email, cancellationToken);
    }

    private static string Encode(string value) => WebUtility.HtmlEncode(value);
}
