using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Preferences.Receipts;
using PreferenceCenter.Features.History;

namespace PreferenceCenter.Features.Receipts;

/// <summary>
/// The receipt /history downloads for one change: the whole session that change belongs to, worded as the email
/// words it (same rule, same sentences, same references), as a plain-text file in the reader's language.
/// </summary>
public sealed class ReceiptDownload(
    IDbContextFactory<AppDbContext> dbFactory, ReceiptWriter writer, AnswerService answers, IOptions<ReceiptOptions> options, TimeProvider time)
{
    /// <returns>The file's text, or null when <paramref name="sequence"/> is no change of this customer's that a receipt lists.</returns>
    public async Task<string?> TextAsync(Guid customerId, long sequence, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changes = await ReceiptReader.ChangesAsync(db, customerId, after: 0, cancellationToken);
        if (ReceiptRules.SessionOf(changes, sequence, options.Value.Quiet) is not { } session)
        {
            return null;
        }

        var vocabulary = await ReceiptVocabulary.LoadAsync(db, answers, culture.TwoLetterISOLanguageName, cancellationToken);
        return ReceiptWriter.PlainText(writer.Write(session, vocabulary, time.GetUtcNowToMillisecond()));
    }

    public static string FileName(long sequence) => FormattableString.Invariant($"receipt-{sequence}.txt");
}
