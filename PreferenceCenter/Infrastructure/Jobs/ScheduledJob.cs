namespace PreferenceCenter.Infrastructure.Jobs;

/// <summary>
/// A hosted job that runs a batch on every tick of an <see cref="TimeProvider"/> timer, only while it holds the
/// database lease named <see cref="Name"/>, so two instances never run the same batch at once. A failing batch is
/// logged and tried again on the next tick; a batch must itself be safe to stop half-way.
/// </summary>
public abstract partial class ScheduledJob(DatabaseLease lease, TimeProvider time, ILogger logger) : BackgroundService
{
    /// <summary>This instance's name on the lease row: unique per process and job object.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>The lease (and log) name, e.g. <c>outbox</c>.</summary>
    protected abstract string Name { get; }

    protected abstract TimeSpan Interval { get; }

    /// <summary>Longer than a batch can take: if the holder dies, another instance waits this long at most.</summary>
    protected virtual TimeSpan LeaseDuration => TimeSpan.FromMinutes(5);

    protected TimeProvider Time => time;

    /// <summary>One batch, run while holding the lease.</summary>
    protected abstract Task RunBatchAsync(CancellationToken cancellationToken);

    /// <summary>Takes the lease and runs one batch now; false when another holder has it. The timer calls this; so can tests.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        if (!await lease.TryAcquireAsync(Name, Holder, LeaseDuration, cancellationToken))
        {
            return false;
        }

        try
        {
            await RunBatchAsync(cancellationToken);
            return true;
        }
        finally
        {
            await lease.ReleaseAsync(Name, Holder, CancellationToken.None);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                LogBatchFailed(logger, e, Name);
                if (PreferenceCenter.Data.DatabaseOutage.IsOutage(e))
                {
                    PreferenceCenter.Data.DatabaseOutage.ForgetPooledConnections();
                }
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again on the next tick.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string job);
}
