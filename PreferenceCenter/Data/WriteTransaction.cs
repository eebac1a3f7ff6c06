using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PreferenceCenter.Data;

public static class WriteTransaction
{
    /// <summary>
    /// Starts the one transaction a state change, its ledger entry and any outbox row commit in. On SQLite it takes
    /// the write lock at once, so what the service reads next is what it will overwrite.
    /// </summary>
    public static Task<IDbContextTransaction> BeginWriteAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One SaveChanges per transaction and a rollback on any failure: EF's automatic savepoints would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// Saves and commits; when another writer got there first (a concurrency token, a unique key, the ledger's
    /// sequence) rolls back and returns false, so the caller reports a conflict and nothing is half-written. Any other
    /// failure is thrown after the transaction is disposed unfinished, which rolls it back just the same.
    /// </summary>
    public static async Task<bool> TryCommitAsync(this AppDbContext db, IDbContextTransaction transaction, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(transaction);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException e) when (e.IsWriteConflict())
        {
            await transaction.RollbackAsync(cancellationToken);
            return false;
        }
    }
}
