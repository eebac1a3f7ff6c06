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

    /// <summary>
    /// How long the lease lasts from its last renewal: if the holder dies, another instance waits this long at most.
    /// A running batch renews it every third of this, so a batch may take longer (a slow mail server, a big erasure).
    /// </summary>
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

        // The batch stops when the lease is lost: past that point another instance may run the same items.
        using var batch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var renewing = KeepLeaseAsync(batch);
        try
        {
            await RunBatchAsync(batch.Token);
            return true;
        }
        catch (OperationCanceledException) when (batch.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            LogLeaseLost(logger, Name);
            return false;
        }
        finally
        {
            await batch.CancelAsync();
            await renewing;
            await lease.ReleaseAsync(Name, Holder, CancellationToken.None);
        }
    }

    // Without renewal a batch longer than the lease (an SMTP server answering slowly, say) would have a second instance
    // take the lease over and send the same messages again while this one is still sending them.
    private async Task KeepLeaseAsync(CancellationTokenSource batch)
    {
        try
        {
            while (true)
            {
                await Task.Delay(LeaseDuration / 3, time, batch.Token);
                try
                {
                    if (!await lease.TryAcquireAsync(Name, Holder, LeaseDuration, batch.Token))
                    {
                        await batch.CancelAsync();
                        return;
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The lease still runs for two thirds of its time: try again then; if it lapsed meanwhile and another
                    // instance took it, that attempt says so and stops the batch.
                    LogRenewalFailed(logger, e, Name);
                }
            }
        }
        catch (OperationCanceledException) when (batch.IsCancellationRequested)
        {
            // The batch ended (or was stopped): nothing left to keep.
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} lost its lease to another instance and stopped its batch; the other instance carries on.")]
    private static partial void LogLeaseLost(ILogger logger, string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scheduled job {Job} could not renew its lease; it tries again while the batch runs.")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string job);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scheduled job {Job} failed; it runs again on the next tick.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, string job);
}
