using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Data;

/// <summary>
/// PostgreSQL's <c>text</c> cannot hold U+0000 (it refuses the whole statement, 22021), and no person types one: it
/// comes from a script. Rather than let such a value turn a staff form or an API call into a 500, every string about
/// to be saved has its NULs replaced by U+FFFD, the character the ledger's own text uses for the same (LedgerText).
/// Customers' own words never reach here in clear (they are sealed first); the row commands write only keys, states
/// and times.
/// </summary>
public sealed class NulFreeText : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Clean(eventData?.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Clean(eventData?.Context);
        return ValueTask.FromResult(result);
    }

    private static void Clean(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }

            foreach (var property in entry.Properties)
            {
                if (property.CurrentValue is string text && text.Contains('\0', StringComparison.Ordinal))
                {
                    property.CurrentValue = text.Replace('\0', '\uFFFD');
                }
            }
        }
    }
}
