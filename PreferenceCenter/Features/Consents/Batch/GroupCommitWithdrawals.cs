namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Group commit for link withdrawals. A campaign's burst of one-click POSTs would otherwise queue on SQLite's single
/// write lock one transaction (and one fsync) at a time, and waiting writers back off in 150 ms sleeps. Here one
/// writer takes whatever has arrived, up to <see cref="MaxBatch"/>, and commits it with
/// <see cref="ConsentService.WithdrawManyAsync"/>; each request still answers only after its own change is durable.
/// </summary>
public sealed partial class GroupCommitWithdrawals(ConsentService consents, ILogger<GroupCommitWithdrawals> logger) : BackgroundService
{
    public const int MaxBatch = 256;

    private readonly System.Threading.Channels.Channel<Pending> queue = System.Threading.Channels.Channel.CreateUnbounded<Pending>(new() { SingleReader = true });

    /// <summary>Queues the withdrawal and completes once it is committed (or refused).</summary>
    public Task<ConsentChangeResult> WithdrawAsync(ConsentChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Grant)
        {
            throw new ArgumentException("Only withdrawals are group-committed.", nameof(change));
        }

        var pending = new Pending(change, new TaskCompletionSource<ConsentChangeResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The app is stopping.");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Pending>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync(stoppingToken))
            {
                // No waiting for a fuller batch: while one commits, the next fills by itself.
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var pending))
                {
                    batch.Add(pending);
                }

                await CommitAsync(batch, stoppingToken);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: whatever is still queued was never written; its requests fail rather than hang.
            queue.Writer.TryComplete();
            while (queue.Reader.TryRead(out var pending))
            {
                pending.Done.TrySetCanceled(stoppingToken);
            }

            foreach (var pending in batch)
            {
                pending.Done.TrySetCanceled(stoppingToken);
            }
        }
    }

    private async Task CommitAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        try
        {
            var results = await consents.WithdrawManyAsync([.. batch.Select(p => p.Change)], stoppingToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFailed(logger, e, batch.Count);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} link withdrawals failed; none of it was written.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    private sealed record Pending(ConsentChange Change, TaskCompletionSource<ConsentChangeResult> Done);
}
