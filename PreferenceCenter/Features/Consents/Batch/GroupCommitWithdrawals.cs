using PreferenceCenter.Infrastructure.Batching;

namespace PreferenceCenter.Features.Consents.Batch;

/// <summary>
/// Group commit for link withdrawals. A campaign's burst of one-click POSTs would otherwise queue on SQLite's single
/// write lock one transaction (and one fsync) at a time, and waiting writers back off in 150 ms sleeps. Here one
/// writer takes whatever has arrived, up to <see cref="GroupCommitWriter{TItem, TResult}.MaxBatch"/>, and commits it with
/// <see cref="ConsentService.WithdrawManyAsync"/>; each request still answers only after its own change is durable.
/// </summary>
public sealed class GroupCommitWithdrawals(ConsentService consents, ILogger<GroupCommitWithdrawals> logger)
    : GroupCommitWriter<ConsentChange, ConsentChangeResult>(logger)
{
    /// <summary>Queues the withdrawal and completes once it is committed (or refused).</summary>
    public Task<ConsentChangeResult> WithdrawAsync(ConsentChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Grant)
        {
            throw new ArgumentException("Only withdrawals are group-committed.", nameof(change));
        }

        return EnqueueAsync(change, cancellationToken);
    }

    protected override Task<IReadOnlyList<ConsentChangeResult>> CommitAsync(IReadOnlyList<ConsentChange> items, CancellationToken cancellationToken) =>
        consents.WithdrawManyAsync(items, cancellationToken);
}
