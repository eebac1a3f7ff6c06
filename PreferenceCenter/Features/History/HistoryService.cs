using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.History;

/// <summary>A customer's own ledger entries, newest first, a page at a time.</summary>
public sealed class HistoryService(IDbContextFactory<AppDbContext> dbFactory)
{
    public const int DefaultPageSize = 20;

    public async Task<HistoryPage> GetPageAsync(Guid subjectId, int pageNumber, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageNumber, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == subjectId);
        var total = await mine.CountAsync(cancellationToken);
        var items = await mine.OrderByDescending(e => e.Sequence)
            .Skip((pageNumber - 1) * pageSize).Take(pageSize)
            .Select(e => new HistoryItem(e.Sequence, e.OccurredAt, e.EventType, e.ActorKind, e.Source,
                e.PurposeKey, e.Channel, e.Reason, e.RequestChannel, e.NoticeVersion, e.After, e.Before, e.Detail))
            .ToListAsync(cancellationToken);
        return new HistoryPage(items, pageNumber, pageSize, total);
    }
}
