using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Retention;

/// <summary>
/// Deletes the answers a customer gave for a purpose once its consent has ended and the purpose's days have passed,
/// with one ledger entry per customer and purpose in the same transaction. The ledger's earlier entries stay (they
/// never held an answer), so counts already drawn from them do not change.
/// </summary>
public sealed class RetentionRunner(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public const string ActorName = "retention";
    public const int BatchSize = 200;

    /// <summary>Runs every governed purpose until nothing is due; returns how many (customer, purpose) pairs were cleared.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        List<Purpose> purposes;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            purposes = await RetentionQuery.Governed(db).AsNoTracking().ToListAsync(cancellationToken);
        }

        var cleared = 0;
        foreach (var purpose in purposes)
        {
            int batch;
            do
            {
                batch = await RunBatchAsync(purpose, cancellationToken);
                cleared += batch;
            }
            while (batch == BatchSize);
        }

        return cleared;
    }

    /// <returns>How many customers' data was deleted; 0 when none was due, or a customer changed a consent meanwhile.</returns>
    internal async Task<int> RunBatchAsync(Purpose purpose, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var due = await RetentionQuery.DueCustomers(db, purpose, now).OrderBy(id => id).Take(BatchSize).ToListAsync(cancellationToken);
        if (due.Count == 0)
        {
            return 0;
        }

        var consents = (await db.Consents.AsNoTracking().Where(c => c.PurposeId == purpose.Id && due.Contains(c.CustomerId)).ToListAsync(cancellationToken))
            .ToLookup(c => c.CustomerId);
        var answers = (await RetentionQuery.Answers(db, purpose).Where(a => due.Contains(a.CustomerId))
            .GroupBy(a => a.CustomerId).Select(g => new { CustomerId = g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            .ToDictionary(x => x.CustomerId, x => x.Count);
        await RetentionQuery.Answers(db, purpose).Where(a => due.Contains(a.CustomerId)).ExecuteDeleteAsync(cancellationToken);
        var days = purpose.RetentionAfterEndDays!.Value.ToString(CultureInfo.InvariantCulture);
        foreach (var customerId in due)
        {
            var ended = RetentionRules.EndedAt(consents[customerId], now);
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.RetentionDataDeleted, Actor.System(ActorName), customerId, ChangeSource.System, null, purpose.Key,
                Before: ended is { } e ? LedgerTime.Format(e) : null, After: days,
                Detail: answers.GetValueOrDefault(customerId).ToString(CultureInfo.InvariantCulture)), cancellationToken);
        }

        return await db.TryCommitAsync(tx, cancellationToken) ? due.Count : 0;
    }
}
