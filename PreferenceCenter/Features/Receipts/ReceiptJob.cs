using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Features.Preferences.Receipts;

namespace PreferenceCenter.Features.Receipts;

/// <summary>Sends the receipts of ended sessions on a schedule, one instance at a time (the <c>receipts</c> lease).</summary>
public sealed class ReceiptJob(ReceiptSender receipts, IOptions<ReceiptOptions> options, DatabaseLease lease, TimeProvider time, ILogger<ReceiptJob> logger)
    : ScheduledJob(lease, time, logger)
{
    protected override string Name => ReceiptSender.ActorName;

    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override async Task RunBatchAsync(CancellationToken cancellationToken) =>
        await receipts.RunOnceAsync(cancellationToken);
}
