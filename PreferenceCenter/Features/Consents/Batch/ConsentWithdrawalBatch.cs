using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Writes a group-committed batch of withdrawals in one transaction without change tracking (ADR 0006): read in two
/// untracked queries (<see cref="ConsentBatchContext"/>), decided by <see cref="ConsentPrecheck"/> and
/// <see cref="ConsentTransition"/> as any change is, and written with two statements, the consent update (guarded by
/// its version) and the chained ledger insert: on SQLite prepared and run row by row, on PostgreSQL each once for the
/// whole batch over arrays. In a burst, <c>SaveChanges</c> was the writer's largest cost.
/// Only <see cref="ConsentService.WithdrawManyAsync"/> builds one, after checking that every change is a withdrawal.
/// </summary>
internal sealed class ConsentWithdrawalBatch(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    /// <summary>One result per change, all committed together; null when the batch could not be written as a whole (then nothing of it is).</summary>
    public async Task<ConsentChangeResult[]?> TryWriteAsync(IReadOnlyList<ConsentChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var batch = await ConsentBatchContext.LoadAsync(db, changes, cancellationToken);
        // PostgreSQL: the batch's one update and one ledger insert go to the server together, in one round trip. One
        // statement at a time (two round trips per withdrawal, the single writer waiting on each) held a burst to a few
        // hundred a second, and a statement per row still had the server parse and run two hundred of them per batch.
        // SQLite runs in-process: there each statement runs at once, as before.
        await using var queue = db.Database.IsNpgsql() ? db.Database.GetDbConnection().CreateBatch() : null;
        if (queue is not null)
        {
            queue.Transaction = tx.GetDbTransaction();
        }

        await using var update = db.PrepareUpdate<Consent>(ConsentTransition.ChangedProperties);
        // The tail came with the purposes (one round trip fewer); with no purpose of the batch, nothing is appended.
        await using var entries = batch.HasLedgerTail ? ledger.BeginBatch(db, batch.LedgerTail, queue) : await ledger.BeginBatchAsync(db, queue, cancellationToken);
        var results = new ConsentChangeResult[changes.Count];
        var updates = new ChangedConsents();
        try
        {
            for (var i = 0; i < changes.Count; i++)
            {
                var result = await WithdrawAsync(changes[i], batch.For(changes[i]), update, entries, queue, updates, now, cancellationToken);
                if (result is null)
                {
                    return null;
                }

                results[i] = result;
            }

            if (queue is not null)
            {
                // PostgreSQL: one update of every changed consent and one insert of every entry, in one round trip.
                var updated = updates.Consents.Count > 0 ? update.QueueAll(queue, updates.Consents, updates.Read) : null;
                entries.QueueAppended();
                if (queue.BatchCommands.Count > 0)
                {
                    await queue.ExecuteNonQueryAsync(cancellationToken);
                }

                // A row changed since the batch read it matched no row: roll the whole batch back, as above.
                if (updated is not null && updated.RecordsAffected != updates.Consents.Count)
                {
                    return null;
                }
            }

            await tx.CommitAsync(cancellationToken);
            return results;
        }
        catch (DbException)
        {
            // The database refused a write (a row or the ledger's next sequence taken meanwhile, a constraint);
            // disposing the transaction rolls the whole batch back.
            return null;
        }
    }

    // Null when the row changed since the batch read it (known at once, or once the queue has run).
    private static async Task<ConsentChangeResult?> WithdrawAsync(
        ConsentChange change, ConsentChangeContext context, RowCommand<Consent> update, LedgerBatch entries, DbBatch? queue,
        ChangedConsents updates, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ConsentPrecheck.Decide(change, context, now) is { } decided)
        {
            return decided;
        }

        // A withdrawal that is not unchanged has a row to change (on, lapsed or pending).
        var (_, purpose, notice, consent) = context;
        var before = ConsentRules.StateLabel(consent, now);
        object?[] read = [consent!.Version];
        ConsentTransition.Apply(consent, ConsentState.Withdrawn, purpose!, notice!.Value, change.Source, now);
        if (queue is not null)
        {
            updates.Consents.Add(consent);
            updates.Read.Add(read);
        }
        else if (await update.ExecuteAsync(consent, read, cancellationToken) != 1)
        {
            return null;
        }

        await entries.AppendAsync(new LedgerDraft(
            LedgerEventType.ConsentWithdrawn, change.Actor, change.CustomerId, change.Source, notice, purpose!.Key, change.Channel,
            before, ConsentRules.Off, change.Evidence), cancellationToken);
        return ConsentChangeResult.Saved(ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now));
    }

    // The consents the batch changes and their versions as read, written by one update at the end (PostgreSQL).
    private sealed class ChangedConsents
    {
        public List<Consent> Consents { get; } = [];

        public List<IReadOnlyList<object?>> Read { get; } = [];
    }
}
