using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Writes a group-committed batch of withdrawals in one transaction without change tracking (ADR 0006): read in four
/// untracked queries (<see cref="ConsentBatchContext"/>), decided by <see cref="ConsentPrecheck"/> and
/// <see cref="ConsentTransition"/> as any change is, and written with two prepared statements, the consent update
/// (guarded by its version) and the chained ledger insert. In a burst, <c>SaveChanges</c> was the writer's largest cost.
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
        await using var update = db.PrepareUpdate<Consent>(ConsentTransition.ChangedProperties);
        await using var entries = await ledger.BeginBatchAsync(db, cancellationToken);
        var results = new ConsentChangeResult[changes.Count];
        try
        {
            for (var i = 0; i < changes.Count; i++)
            {
                var result = await WithdrawAsync(changes[i], batch.For(changes[i]), update, entries, now, cancellationToken);
                if (result is null)
                {
                    return null;
                }

                results[i] = result;
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

    // Null when the row changed since the batch read it.
    private static async Task<ConsentChangeResult?> WithdrawAsync(
        ConsentChange change, ConsentChangeContext context, RowCommand<Consent> update, LedgerBatch entries, DateTimeOffset now,
        CancellationToken cancellationToken)
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
        if (await update.ExecuteAsync(consent, read, cancellationToken) != 1)
        {
            return null;
        }

        await entries.AppendAsync(new LedgerDraft(
            LedgerEventType.ConsentWithdrawn, change.Actor, change.CustomerId, change.Source, notice, purpose!.Key, change.Channel,
            before, ConsentRules.Off, change.Evidence), cancellationToken);
        return ConsentChangeResult.Saved(ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now));
    }
}
