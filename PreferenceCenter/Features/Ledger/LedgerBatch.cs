using System.Data.Common;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Entries appended one after another in the caller's transaction by a prepared insert (see
/// <see cref="LedgerWriter.BeginBatchAsync"/>). Each entry links to the one before it, as from the writer; they
/// are durable only when the caller commits, and a rollback takes them all away. Given a <see cref="DbBatch"/>
/// (PostgreSQL), the entries wait until <see cref="QueueAppended"/> queues one insert of them all in it, and go to the
/// database when the caller runs the batch: one round trip and one statement.
/// </summary>
public sealed class LedgerBatch : IAsyncDisposable
{
    private readonly RowCommand<LedgerEntry> insert;
    private readonly Func<LedgerDraft, ChainTail?, CancellationToken, Task<LedgerEntry>> next;
    private readonly DbBatch? queue;
    private readonly List<LedgerEntry> appended = [];
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
            appended.Add(entry);
        }

        tail = new ChainTail(entry.Sequence, entry.Hash);
        return entry;
    }

    /// <summary>
    /// With a batch: queues one insert of every entry appended since the last call (nothing when there is none). The
    /// caller runs it before committing; an entry never queued is never written, and its chain would be missing a link.
    /// </summary>
    public void QueueAppended()
    {
        if (queue is null || appended.Count == 0)
        {
            return;
        }

        insert.QueueAll(queue, appended);
        appended.Clear();
    }

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
