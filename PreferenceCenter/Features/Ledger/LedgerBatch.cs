using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Entries appended one after another in the caller's transaction by a prepared insert (see
/// <see cref="LedgerWriter.BeginBatchAsync"/>). Each entry links to the one before it, as from the writer; they
/// are durable only when the caller commits, and a rollback takes them all away.
/// </summary>
public sealed class LedgerBatch : IAsyncDisposable
{
    private readonly RowCommand<LedgerEntry> insert;
    private readonly Func<LedgerDraft, ChainTail?, CancellationToken, Task<LedgerEntry>> next;
    private ChainTail? tail;

    internal LedgerBatch(RowCommand<LedgerEntry> insert, ChainTail? tail, Func<LedgerDraft, ChainTail?, CancellationToken, Task<LedgerEntry>> next)
    {
        this.insert = insert;
        this.tail = tail;
        this.next = next;
    }

    public async Task<LedgerEntry> AppendAsync(LedgerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var entry = await next(draft, tail, cancellationToken);
        // The key is the sequence: a writer that appended meanwhile makes this fail rather than fork the chain.
        await insert.ExecuteAsync(entry, cancellationToken: cancellationToken);
        tail = new ChainTail(entry.Sequence, entry.Hash);
        return entry;
    }

    public ValueTask DisposeAsync() => insert.DisposeAsync();
}
