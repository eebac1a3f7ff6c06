using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The background job: at start-up (to finish anything a stopped process left executing), then every
/// <see cref="ErasureOptions.RunEvery"/> on the injected clock, under the <c>erasure</c> lease so that on several
/// instances only one carries out approved requests at a time.
/// </summary>
public sealed partial class ErasureJob(
    ErasureRunner runner, DatabaseLease lease, TimeProvider time, IOptions<ErasureOptions> options, ILogger<ErasureJob> logger)
    : ScheduledJob(lease, time, logger)
{
    public const string LeaseName = "erasure";

    protected override string Name => LeaseName;

    protected override TimeSpan Interval => options.Value.RunEvery;

    // VACUUM rewrites the whole database file per erasure: give a batch on a large file time before another instance may take over.
    protected override TimeSpan LeaseDuration => TimeSpan.FromMinutes(30);

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        var completed = await runner.RunDueAsync(cancellationToken);
        if (completed > 0)
        {
            LogCompleted(completed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Erasure job completed {Count} request(s).")]
    private partial void LogCompleted(int count);
}
