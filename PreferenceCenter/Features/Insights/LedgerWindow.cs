using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// Where in the ledger a period starts, found without an index on time: entries are appended in time order (each
/// takes the clock when it is written, under the write lock), so a binary search over the sequence, the primary key,
/// finds the first entry of the period in about 20 key lookups. Queries then read the key range from there instead of
/// the whole ledger. A day's margin covers a clock that was set back; the exact time filter still applies.
/// </summary>
public static class LedgerWindow
{
    public static readonly TimeSpan Margin = TimeSpan.FromDays(1);

    public static async Task<long> FirstSequenceAsync(AppDbContext db, DateTimeOffset from, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var target = from - Margin;
        var entries = db.LedgerEntries.AsNoTracking();
        long low = 1, high = await entries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var first = high + 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var at = await entries.Where(e => e.Sequence == middle).Select(e => (DateTimeOffset?)e.OccurredAt).SingleOrDefaultAsync(cancellationToken);
            if (at is null || at >= target)
            {
                first = middle;
                high = middle - 1;
            }
            else
            {
                low = middle + 1;
            }
        }

        return first;
    }
}
