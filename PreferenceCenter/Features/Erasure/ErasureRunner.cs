using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// Carries out approved requests: marks the request as executing (from then on it cannot be cancelled), calls the
/// executor, marks it completed. A process that stops anywhere in between leaves the request approved or executing,
/// and the next run repeats the executor, which is idempotent and resumes where it stopped, then completes it.
/// </summary>
public sealed class ErasureRunner(IDbContextFactory<AppDbContext> dbFactory, ErasureTransitions transitions, ErasureExecutor executor)
{
    public const string JobName = "erasure-job";

    /// <summary>Runs one request now (the officer's "run now", or the job).</summary>
    public async Task<ErasureResult> RunAsync(int requestId, Actor actor, CancellationToken cancellationToken = default)
    {
        var started = await transitions.ApplyAsync(requestId, ErasureAction.StartExecution, actor, ChangeSource.System, owner: null,
            (r, now) => r.ExecutionStartedAt = now, cancellationToken);
        if (!started.Succeeded)
        {
            return started;
        }

        // Unchanged means it was already executing: an earlier run stopped part-way, and this one finishes it.
        await executor.ExecuteAsync(started.Request!.CustomerId, actor, cancellationToken);
        return await transitions.ApplyAsync(requestId, ErasureAction.Complete, actor, ChangeSource.System, owner: null,
            (r, now) => r.CompletedAt = now, cancellationToken);
    }

    /// <summary>Runs every approved request and finishes any an earlier run left executing; returns how many it completed.</summary>
    public async Task<int> RunDueAsync(CancellationToken cancellationToken = default)
    {
        List<int> due;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            due = await db.ErasureRequests.AsNoTracking()
                .Where(r => r.State == ErasureState.Approved || r.State == ErasureState.Executing)
                .OrderBy(r => r.DueAt).Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var completed = 0;
        foreach (var id in due)
        {
            var result = await RunAsync(id, Actor.System(JobName), cancellationToken);
            completed += result.Outcome == ErasureOutcome.Saved ? 1 : 0;
        }

        return completed;
    }
}
