using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Walks the whole chain in order and recomputes every hash. Catches an altered byte in any field (hash mismatch),
/// a deleted row (gap in the sequence) and reordered or swapped rows (previous-hash mismatch). With an anchor recorded
/// earlier it also catches entries cut off the end.
/// </summary>
public sealed class LedgerVerifier(IDbContextFactory<AppDbContext> dbFactory)
{
    private const int BatchSize = 2_000;

    public async Task<LedgerVerification> VerifyAsync(LedgerAnchor? anchor = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var expectedSequence = 1L;
        var expectedPrevious = LedgerCanonicalForm.Genesis;
        long checkedCount = 0;

        while (true)
        {
            var from = expectedSequence;
            var batch = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.Sequence >= from)
                .OrderBy(e => e.Sequence)
                .Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (batch.Count == 0)
            {
                var head = checkedCount == 0 ? null : new LedgerAnchor(expectedSequence - 1, expectedPrevious);
                return anchor is not null && anchor.Sequence > checkedCount
                    ? new LedgerVerification(checkedCount, anchor.Sequence,
                        $"the ledger ends at entry {checkedCount}, before the anchored entry {anchor.Sequence}: entries were removed from the end", head)
                    : new LedgerVerification(checkedCount, null, null, head);
            }

            foreach (var entry in batch)
            {
                var problem = Check(entry, expectedSequence, expectedPrevious)
                    ?? (entry.Sequence == anchor?.Sequence && entry.Hash != anchor.Hash
                        ? "it does not match the anchor recorded earlier (the chain from here back was rewritten)"
                        : null);
                if (problem is not null)
                {
                    return new LedgerVerification(checkedCount, entry.Sequence, problem);
                }

                checkedCount++;
                expectedSequence = entry.Sequence + 1;
                expectedPrevious = entry.Hash;
            }
        }
    }

    private static string? Check(LedgerEntry entry, long expectedSequence, string expectedPrevious)
    {
        if (entry.Sequence != expectedSequence)
        {
            return $"entry {expectedSequence} is missing (the next entry found is {entry.Sequence})";
        }

        if (!string.Equals(entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            return "its previous-hash does not match the entry before it (rows were reordered, replaced or removed)";
        }

        var recomputed = LedgerCanonicalForm.ComputeHash(entry);
        return string.Equals(recomputed, entry.Hash, StringComparison.Ordinal)
            ? null
            : "its content does not match its hash (the row was altered)";
    }
}
