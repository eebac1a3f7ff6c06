using System.Globalization;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Receipts;

/// <summary>
/// Words a session of changes as a receipt in the current UI culture, with the history's own sentences
/// (<see cref="HistoryDescriber"/>). Times are in UTC and say so: an email has no reader's clock, and the email and
/// the download from /history must read the same.
/// </summary>
public sealed class ReceiptWriter(IStringLocalizer<SharedResource> text)
{
    private readonly HistoryDescriber describer = new(text);

    public Receipt Write(IReadOnlyList<ReceiptLine> session, HistoryVocabulary vocabulary, DateTimeOffset madeAt)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var culture = CultureInfo.CurrentUICulture;
        var customerWords = vocabulary with { TimeZone = null, Reader = HistoryReader.Customer };
        var entries = session.Select(line => new ReceiptEntry(
            TimeFormat.DateAndTime(line.OccurredAt, culture),
            describer.Describe(line.Item, customerWords),
            text["Receipts.Reference", line.Sequence.ToString(CultureInfo.InvariantCulture), line.Hash])).ToList();
        return new Receipt(
            text.Plural("Receipts.Subject", session.Count), text["Receipts.Intro"], entries,
            text["Receipts.Made", TimeFormat.DateAndTime(madeAt, culture)]);
    }

    /// <summary>The receipt as plain text: the email's text body and the file /history downloads.</summary>
    public static string PlainText(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var lines = receipt.Entries.Select(e => $"- {e.When}: {e.What}\n  {e.Reference}");
        return $"{receipt.Subject}\n\n{receipt.Intro}\n\n{string.Join("\n", lines)}\n\n{receipt.Made}\n";
    }

    public static string Html(Receipt receipt)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        var items = receipt.Entries.Select(e => $"<li><strong>{Encode(e.When)}</strong>: {Encode(e.What)}<br><small>{Encode(e.Reference)}</small></li>");
        return $"<p>{Encode(receipt.Intro)}</p><ul>{string.Concat(items)}</ul><p>{Encode(receipt.Made)}</p>";
    }

    private static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
}
