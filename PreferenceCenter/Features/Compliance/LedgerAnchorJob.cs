using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Compliance;

/// <summary>Checks every <see cref="ComplianceOptions.CheckEvery"/> whether the daily anchor is due, one instance at a time (the <c>ledger-anchor</c> lease).</summary>
public sealed class LedgerAnchorJob(LedgerAnchorService anchors, IOptions<ComplianceOptions> options, DatabaseLease lease, TimeProvider time, ILogger<LedgerAnchorJob> logger)
    : ScheduledJob(lease, time, logger)
{
    public const string LeaseName = "ledger-anchor";

    protected override string Name => LeaseName;

    protected override TimeSpan Interval => options.Value.CheckEvery;

    protected override Task RunBatchAsync(CancellationToken cancellationToken) => anchors.AnchorIfDueAsync(cancellationToken);
}
