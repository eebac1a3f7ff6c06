using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Carries an accepted import through, chunk by chunk (<see cref="ImportChunkWriter"/>), from the last committed
/// chunk on: a run stopped by a crash is simply run again. The file is read once per call, then dropped when the run
/// completes. The caller holds the import lease (<see cref="ImportJob"/>), so two instances never run it at once.
/// </summary>
public sealed class ImportRunner(
    IDbContextFactory<AppDbContext> dbFactory, ImportChunkWriter writer, ImportPayloadSealer sealer, LedgerWriter ledger,
    IOptions<ImportOptions> options, TimeProvider time)
{
    /// <param name="maxChunks">Stop after this many chunks, as a crash would (tests).</param>
    /// <param name="keepGoing">Asked before each chunk (the job renews its lease); false stops the run where it is.</param>
    /// <returns>The run's state afterwards; null for an unknown run.</returns>
    public async Task<ImportRunState?> RunAsync(
        Guid runId, int maxChunks = int.MaxValue, Func<CancellationToken, Task<bool>>? keepGoing = null, CancellationToken cancellationToken = default)
    {
        ImportRun? run;
        ImportCatalog catalog;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            run = await db.ImportRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken);
            if (run is null || run.State == ImportRunState.Completed || run.Payload is null)
            {
                return run?.State;
            }

            catalog = await ImportCatalog.LoadAsync(db, cancellationToken);
        }

        // Checked when accepted; a row the catalog no longer allows is counted as refused when the run completes.
        var parse = ImportFileReader.Read(sealer.Open(run.Id, run.Payload), catalog, time.GetUtcNow(), options.Value);
        var cursor = run.ProcessedThroughLine;
        var remaining = parse.Rows.Where(r => r.Line > cursor).ToList();
        var size = Math.Max(1, options.Value.ChunkSize);
        for (var chunk = 0; ; chunk++)
        {
            if (chunk >= maxChunks || (keepGoing is not null && !await keepGoing(cancellationToken)))
            {
                return ImportRunState.Running;
            }

            var rows = remaining.Skip(chunk * size).Take(size).ToList();
            if (rows.Count == 0)
            {
                return await FinishAsync(runId, cancellationToken);
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await writer.WriteAsync(db, runId, cursor, rows, time.GetUtcNowToMillisecond(), cancellationToken))
            {
                return ImportRunState.Running;
            }

            cursor = rows[^1].Line;
        }
    }

    private async Task<ImportRunState> FinishAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var run = await db.ImportRuns.FirstAsync(r => r.Id == runId, cancellationToken);
        if (run.State == ImportRunState.Completed)
        {
            return run.State;
        }

        run.Refused += run.TotalRows - run.ProcessedRows;
        run.ProcessedRows = run.TotalRows;
        run.State = ImportRunState.Completed;
        run.FinishedAt = time.GetUtcNowToMillisecond();
        run.Payload = null;
        await ledger.AppendAsync(db, new LedgerDraft(LedgerEventType.ImportFinished, run.Actor, null, ChangeSource.Import,
            Detail: $"{{\"import\":\"{run.Id}\",\"written\":{run.Written},\"unchanged\":{run.Unchanged},\"alreadyImported\":{run.AlreadyImported}," +
                $"\"suppressed\":{run.Suppressed},\"refused\":{run.Refused},\"customersCreated\":{run.CustomersCreated}}}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return run.State;
    }
}
