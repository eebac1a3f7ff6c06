using Microsoft.EntityFrameworkCore.Storage;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Preferences;

internal static class PreferenceWrites
{
    /// <summary>Commits a preference change and its ledger entries, or reports a conflict when another writer got there first.</summary>
    public static async Task<PreferenceChangeResult> CommitAsync(AppDbContext db, IDbContextTransaction transaction, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.TryCommitAsync(transaction, cancellationToken) ? PreferenceChangeResult.Saved(now) : PreferenceChangeResult.Conflict;
}
