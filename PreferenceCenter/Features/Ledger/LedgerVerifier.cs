using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Walks the whole chain in order and recomputes every hash. Catches an altered byte in any field (hash mismatch),
/// a deleted row (gap in the sequence) and reordered or swapped rows (previous-hash mismatch).
/// </summary>
public sealed class LedgerVerifier(IDbContextFactory<AppDbContext> dbFactory)
{
    private const int BatchSize = 2_000;

    public async Task<LedgerVerification> VerifyAsync(CancellationToken cancellationToken = default)
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
                return new LedgerVerification(checkedCount, null, null);
            }

            foreach (var entry in batch)
            {
                var problem = Check(entry, expectedSequence, expectedPrevious);
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
