using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace PreferenceCenter.Data;

public static class WriteTransaction
{
    /// <summary>The key of the one advisory lock that orders writers on PostgreSQL (ADR 0014): "PCLEDGER" in ASCII.</summary>
    public const long WriteLockKey = 0x5043_4C45_4447_4552;

    /// <summary>
    /// Starts the one transaction a state change, its ledger entry and any outbox row commit in. On SQLite it takes
    /// the write lock at once, so what the service reads next is what it will overwrite; on PostgreSQL the same
    /// holds through a transaction-scoped advisory lock taken first, across every instance (ADR 0014).
    /// </summary>
    public static Task<IDbContextTransaction> BeginWriteAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // One SaveChanges per transaction and a rollback on any failure: EF's automatic savepoints would only add round trips.
        db.Database.AutoSavepointsEnabled = false;
        return db.Database.IsNpgsql() ? BeginLockedAsync(db, cancellationToken) : db.Database.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>
    /// Before the ledger's tail is read: on PostgreSQL, inside a transaction, waits for the write lock (held until
    /// commit or rollback; taking it again is free), so two instances append one after the other instead of both
    /// reading the same tail. On SQLite the transaction already holds the file's write lock: nothing to do.
    /// </summary>
    public static Task LockLedgerTailAsync(this AppDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Database.IsNpgsql() && db.Database.CurrentTransaction is not null
            ? TakeWriteLockAsync(db, cancellationToken)
            : Task.CompletedTask;
    }

    private static async Task<IDbContextTransaction> BeginLockedAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await TakeWriteLockAsync(db, cancellationToken);
        return transaction;
    }

    private static async Task TakeWriteLockAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({WriteLockKey})", cancellationToken);

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
