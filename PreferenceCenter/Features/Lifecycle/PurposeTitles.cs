using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Localization;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Lifecycle;

/// <summary>Purpose titles by key from the notice in force, in one language with the English fallback.</summary>
public static class PurposeTitles
{
    public static async Task<IReadOnlyDictionary<string, string>> LoadAsync(AppDbContext db, string language, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var latest = await db.NoticeVersions.OrderByDescending(n => n.Number).Select(n => (int?)n.Id).FirstOrDefaultAsync(cancellationToken);
        var rows = await db.Set<PurposeText>().AsNoTracking()
            .Where(t => t.NoticeVersionId == latest)
            .Join(db.Purposes, t => t.PurposeId, p => p.Id, (t, p) => new { p.Key, t.Culture, t.Title })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.Key).ToDictionary(
            g => g.Key, g => LocalizedText.Pick(g, r => r.Culture, language)?.Title ?? g.Key);
    }
}
