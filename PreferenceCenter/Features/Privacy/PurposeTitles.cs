using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy;

/// <summary>Purpose titles by key from the notice in force, in one language with the English fallback.</summary>
public static class PurposeTitles
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(AppDbContext db, string language, CancellationToken cancellationToken)
    {
        var rows = await TitlesAsync(db, language, purposeKey: null, cancellationToken);
        return rows.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => LocalizedText.Pick(g, r => r.Culture, language)?.Title ?? g.Key);
    }

    /// <summary>One purpose's title: what an email or a link page about one consent needs, without reading the others.</summary>
    public static async Task<string> TitleAsync(AppDbContext db, string language, string purposeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        var rows = await TitlesAsync(db, language, purposeKey, cancellationToken);
        return LocalizedText.Pick(rows, r => r.Culture, language)?.Title ?? purposeKey;
    }

    // Only the two languages Pick can choose from (the reader's and the fallback), for one purpose or all of them.
    private static async Task<List<TitleRow>> TitlesAsync(AppDbContext db, string language, string? purposeKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.NoticeVersions.OrderByDescending(n => n.Number).Select(n => (int?)n.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.Set<PurposeText>().AsNoTracking()
            .Where(t => t.NoticeVersionId == latest && (t.Culture == language || t.Culture == SupportedCultures.Default))
            .Join(db.Purposes, t => t.PurposeId, p => p.Id, (t, p) => new { p.Key, t.Culture, t.Title })
            .Where(r => purposeKey == null || r.Key == purposeKey)
            .Select(r => new TitleRow(r.Key, r.Culture, r.Title))
            .ToListAsync(cancellationToken);
    }

    private sealed record TitleRow(string Key, string Culture, string Title);
}
