using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.History;

namespace PreferenceCenter.Features.Receipts;

/// <summary>A customer's changes as receipt lines, oldest first, straight from the ledger (sequence and hash included).</summary>
public static class ReceiptReader
{
    /// <summary>The changes after ledger sequence <paramref name="after"/> (0: all of them).</summary>
    public static async Task<List<ReceiptLine>> ChangesAsync(AppDbContext db, Guid customerId, long after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var types = ReceiptRules.Changes.ToList();
        var actors = ReceiptRules.Actors.ToList();
        return await db.LedgerEntries.AsNoTracking()
            .Where(e => e.SubjectId == customerId && e.Sequence > after && types.Contains(e.EventType) && actors.Contains(e.ActorKind))
            .OrderBy(e => e.Sequence)
            .Select(e => new ReceiptLine(
                new HistoryItem(e.Sequence, e.OccurredAt, e.EventType, e.ActorKind, e.Source, e.PurposeKey, e.Channel, null,
                    e.RequestChannel, e.NoticeVersion, e.After, e.Before, e.Detail),
                e.Hash))
            .ToListAsync(cancellationToken);
    }
}
