using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Refuses any save that would update or delete a ledger entry, so no code path can rewrite history.
/// The database refuses it too (triggers in the migration); this gives the clearer error first.
/// </summary>
public sealed class AppendOnlyLedgerGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        var rewritten = context?.ChangeTracker.Entries<LedgerEntry>()
            .FirstOrDefault(e => e.State is EntityState.Modified or EntityState.Deleted);
        if (rewritten is not null)
        {
            throw new InvalidOperationException(
                $"Ledger entry {rewritten.Entity.Sequence} cannot be {rewritten.State.ToString().ToLowerInvariant()}: the ledger is append-only.");
        }
    }
}
