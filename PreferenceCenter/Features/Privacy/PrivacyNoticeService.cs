using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy;

/// <summary>Reads the latest published notice in the reader's language, falling back to English text by text.</summary>
public sealed class PrivacyNoticeService(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<CurrentNotice?> GetCurrentAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var language = culture.TwoLetterISOLanguageName;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var notice = await db.NoticeVersions.AsNoTracking()
            .Include(n => n.Texts.Where(t => t.Culture == language || t.Culture == SupportedCultures.Default))
            .Include(n => n.PurposeTexts.Where(t => t.Culture == language || t.Culture == SupportedCultures.Default))
            .OrderByDescending(n => n.Number)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var purposes = await db.Purposes.AsNoTracking().Include(p => p.Recipient)
            .OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var text = LocalizedText.Pick(notice.Texts, t => t.Culture, language);
        var summaries = purposes
            .Select(p => (Purpose: p, Text: LocalizedText.Pick(notice.PurposeTexts.Where(t => t.PurposeId == p.Id), t => t.Culture, language)))
            .Where(x => x.Text is not null)
            .Select(x => new PurposeSummary(
                x.Purpose.Key, x.Purpose.Kind, x.Purpose.LegalBasis, x.Purpose.Icon, x.Text!.Title, x.Text.Summary,
                x.Text.DataUsed, x.Text.Retention, x.Purpose.Recipient?.Name, x.Purpose.ValidityMonths, x.Purpose.OfferedChannels,
                x.Purpose.Recipient?.Country, x.Purpose.Recipient?.PrivacyPolicy, x.Text.IfYouSayNo))
            .ToList();
        return new CurrentNotice(
            notice.Number, notice.PublishedAt, text?.Culture ?? language, text?.Title ?? string.Empty, text?.LegalText ?? string.Empty, summaries);
    }
}
