using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Runs queued imports, oldest first, while holding the <c>consent-import</c> lease: renewed before every chunk, so
/// of several instances one runs an import and, if it dies, another resumes it once the lease lapses.
/// </summary>
public sealed class ImportJob(
    IDbContextFactory<AppDbContext> dbFactory, ImportRunner runner, DatabaseLease lease, DatabaseLease renewal, IOptions<ImportOptions> options,
    TimeProvider time, ILogger<ImportJob> logger) : ScheduledJob(lease, time, logger)
{
    public const string LeaseName = "consent-import";

    protected override string Name => LeaseName;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        while (await NextAsync(cancellationToken) is { } runId)
        {
            if (await runner.RunAsync(runId, keepGoing: token => renewal.TryAcquireAsync(Name, Holder, LeaseDuration, token), cancellationToken: cancellationToken)
                != ImportRunState.Completed)
            {
                return;
            }
        }
    }

    private async Task<Guid?> NextAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ImportRuns.Where(r => r.State != ImportRunState.Completed).OrderBy(r => r.CreatedAt)
            .Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }
}
