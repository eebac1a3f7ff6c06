using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>Sends renewal reminders on a schedule, one instance at a time (the <c>renewal-reminders</c> lease).</summary>
public sealed class ReminderJob(RenewalReminderSender reminders, IOptions<LifecycleOptions> options, DatabaseLease lease, TimeProvider time, ILogger<ReminderJob> logger)
    : ScheduledJob(lease, time, logger)
{
    protected override string Name => RenewalReminderSender.ActorName;

    protected override TimeSpan Interval => options.Value.JobInterval;

    protected override async Task RunBatchAsync(CancellationToken cancellationToken) =>
        await reminders.RunOnceAsync(cancellationToken);
}
