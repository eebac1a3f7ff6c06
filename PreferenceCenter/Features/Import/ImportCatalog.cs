using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Import;

/// <summary>What rows are checked against: the purposes by key and the notice versions published.</summary>
public sealed record ImportCatalog(IReadOnlyDictionary<string, Purpose> Purposes, IReadOnlySet<int> NoticeVersions)
{
    public static async Task<ImportCatalog> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var purposes = await db.Purposes.AsNoTracking().ToDictionaryAsync(p => p.Key, StringComparer.Ordinal, cancellationToken);
        var notices = await db.NoticeVersions.Select(n => n.Number).ToListAsync(cancellationToken);
        return new ImportCatalog(purposes, notices.ToHashSet());
    }
}
