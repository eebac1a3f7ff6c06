using System.Data.Common;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Entries appended one after another in the caller's transaction by a prepared insert (see
/// <see cref="LedgerWriter.BeginBatchAsync"/>). Each entry links to the one before it, as from the writer; they
/// are durable only when the caller commits, and a rollback takes them all away. Given a <see cref="DbBatch"/>, the
/// inserts are queued in it and go to the database when the caller runs the batch (one round trip on PostgreSQL).
/// </summary>
public sealed class LedgerBatch : IAsyncDisposable
{
    private readonly RowCommand<LedgerEntry> insert;
    private readonly Func<LedgerDraft, ChainTail?, CancellationToken, Task<LedgerEntry>> next;
    private readonly DbBatch? queue;
    private ChainTail? tail;

    internal LedgerBatch(RowCommand<LedgerEntry> insert, ChainTail? tail, Func<LedgerDraft, ChainTail?, CancellationToken, Task<LedgerEntry>> next, DbBatch? queue = null)
    {
        this.insert = insert;
        this.tail = tail;
        this.next = next;
        this.queue = queue;
    }

    public async Task<LedgerEntry> AppendAsync(LedgerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var entry = await next(draft, tail, cancellationToken);
        // The key is the sequence: a writer that appended meanwhile makes this fail rather than fork the chain.
        if (queue is null)
        {
            await insert.ExecuteAsync(entry, cancellationToken: cancellationToken);
        }
        else
        {
            insert.Queue(queue, entry);
        }

        tail = new ChainTail(entry.Sequence, entry.Hash);
        return entry;
    }

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
