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
}
