using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>
/// The notice in force as a catalog file, every language: where a draft starts, and what it is compared with.
/// Recipients are keyed by name, as the publisher matches them. Null when nothing has been published.
/// </summary>
public static class PublishedCatalog
{
    public static async Task<(int Number, CatalogDocument Catalog)?> ReadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notice = await db.NoticeVersions.AsNoTracking().Include(n => n.Texts).Include(n => n.PurposeTexts)
            .OrderByDescending(n => n.Number).AsSplitQuery().FirstOrDefaultAsync(cancellationToken);
        if (notice is null)
        {
            return null;
        }

        var published = notice.PurposeTexts.Select(t => t.PurposeId).ToHashSet();
        var purposes = await db.Purposes.AsNoTracking().Include(p => p.Recipient).OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var recipients = await db.Recipients.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
        var catalog = new CatalogDocument(
            null,
            [.. recipients.Select(r => new CatalogDocument.RecipientEntry(r.Name, r.Name, r.Country, r.PrivacyPolicy))],
            [.. purposes.Where(p => published.Contains(p.Id)).Select(p => new CatalogDocument.PurposeEntry(
                p.Key, p.Kind, p.LegalBasis, p.Icon, [.. ChannelSetExtensions.AllChannels.Where(p.IsOfferedOn)], p.ValidityMonths,
                p.Recipient?.Name,
                notice.PurposeTexts.Where(t => t.PurposeId == p.Id).OrderBy(t => t.Culture, StringComparer.Ordinal).ToDictionary(
                    t => t.Culture, t => new CatalogDocument.PurposeTextEntry(t.Title, t.Summary, t.DataUsed, t.Retention, t.IfYouSayNo))))],
            notice.Texts.OrderBy(t => t.Culture, StringComparer.Ordinal).ToDictionary(t => t.Culture, t => new CatalogDocument.NoticeEntry(t.Title, t.LegalText)));
        return (notice.Number, catalog);
    }
}
