using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Retention;

/// <summary>Runs <see cref="RetentionRunner"/> on a schedule, one instance at a time (the <c>retention</c> lease).</summary>
public sealed class RetentionJob(RetentionRunner runner, IOptions<RetentionOptions> options, DatabaseLease lease, TimeProvider time, ILogger<RetentionJob> logger)
    : ScheduledJob(lease, time, logger)
{
    protected override string Name => RetentionRunner.ActorName;

    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override Task RunBatchAsync(CancellationToken cancellationToken) => runner.RunAsync(cancellationToken);
}
