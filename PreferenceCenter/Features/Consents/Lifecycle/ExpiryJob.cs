using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>Records lapsed consents and closes unconfirmed requests on a schedule, one instance at a time (the <c>consent-expiry</c> lease).</summary>
public sealed class ExpiryJob(LapseRecorder expiry, IOptions<LifecycleOptions> options, DatabaseLease lease, TimeProvider time, ILogger<ExpiryJob> logger)
    : ScheduledJob(lease, time, logger)
{
    protected override string Name => LapseRecorder.ActorName;

    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        await DrainAsync(expiry.RunOnceAsync, cancellationToken);
        await DrainAsync(expiry.CloseUnconfirmedAsync, cancellationToken);
    }

    // A full batch means there may be more: keep going while the lease is ours.
    private static async Task DrainAsync(Func<CancellationToken, Task<int>> batch, CancellationToken cancellationToken)
    {
        while (await batch(cancellationToken) == LapseRecorder.BatchSize)
        {
        }
    }
}
