using System.Threading.Channels;

namespace PreferenceCenter.Infrastructure.Batching;

/// <summary>
/// One writer for a burst of small writes (ADR 0005): whatever has arrived, up to <see cref="MaxBatch"/>, is committed
/// together by <see cref="CommitAsync"/>, so the burst shares one transaction and one fsync instead of queueing on
/// SQLite's write lock one at a time. Each caller still gets its own result, and only after its batch committed.
/// </summary>
public abstract partial class GroupCommitWriter<TItem, TResult>(ILogger logger) : BackgroundService
{
    public const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new() { SingleReader = true });

    /// <summary>Queues the item and completes once its batch is committed (or has failed as a whole).</summary>
    protected Task<TResult> EnqueueAsync(TItem item, CancellationToken cancellationToken)
    {
        var pending = new Pending(item, new TaskCompletionSource<TResult>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!queue.Writer.TryWrite(pending))
        {
            throw new InvalidOperationException("The app is stopping.");
        }

        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Writes the batch in one transaction; one result per item, in order.</summary>
    protected abstract Task<IReadOnlyList<TResult>> CommitAsync(IReadOnlyList<TItem> items, CancellationToken cancellationToken);

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

                await CommitBatchAsync(batch, stoppingToken);
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

    private async Task CommitBatchAsync(List<Pending> batch, CancellationToken stoppingToken)
    {
        try
        {
            var results = await CommitAsync([.. batch.Select(p => p.Item)], stoppingToken);
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogBatchFailed(logger, e, batch.Count, GetType().Name);
            foreach (var pending in batch)
            {
                pending.Done.TrySetException(e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} writes in {Queue} failed; none of it was written.")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count, string queue);

    private sealed record Pending(TItem Item, TaskCompletionSource<TResult> Done);
}
