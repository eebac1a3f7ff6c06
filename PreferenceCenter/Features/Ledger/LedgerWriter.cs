using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Adds entries to the chain inside the caller's transaction, so a state change and its entry commit together.
/// A reason typed about a customer is sealed under their key first (<see cref="ILedgerTextSealer"/>); the app always
/// has a sealer, and a writer built without one (tests of features that record no typed text) stores reasons as given.
/// </summary>
public sealed class LedgerWriter(TimeProvider time, ILedgerTextSealer? sealer = null)
{
    // Compiled: every recorded change reads the chain's tail.
    private static readonly CompiledQuery<Func<AppDbContext, Task<ChainTail?>>> Tail = new(() => EF.CompileAsyncQuery(
        (AppDbContext db) => db.LedgerEntries.OrderByDescending(e => e.Sequence).Select(e => new ChainTail(e.Sequence, e.Hash)).FirstOrDefault()));

    public async Task<LedgerEntry> AppendAsync(AppDbContext db, LedgerDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(draft);
        var reason = await ReasonAsync(draft, cancellationToken);
        var entry = Next(draft, reason, await TailAsync(db, cancellationToken));
        db.LedgerEntries.Add(entry);
        return entry;
    }

    /// <summary>
    /// Appends many entries in the caller's transaction with a prepared insert instead of change tracking, for a
    /// group commit of link withdrawals. The chain's tail is read once; every entry is sealed here as above.
    /// </summary>
    public Task<LedgerBatch> BeginBatchAsync(AppDbContext db, CancellationToken cancellationToken = default) =>
        BeginBatchAsync(db, null, cancellationToken);

    /// <summary>As above; with <paramref name="queue"/>, the inserts wait in that batch until the caller runs it.</summary>
    public async Task<LedgerBatch> BeginBatchAsync(AppDbContext db, System.Data.Common.DbBatch? queue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return Batch(db, await TailAsync(db, cancellationToken), queue);
    }

    /// <summary>
    /// As <see cref="BeginBatchAsync"/>, after the tail the caller read in this write transaction (a consent change
    /// reads it in the same query as what it decides on: one round trip fewer). No entry of this unit of work may be
    /// waiting in the change tracker: it would not be in that tail, and the chain would fork. With
    /// <paramref name="queue"/>, the entries wait until the caller queues them (<see cref="LedgerBatch.QueueAppended"/>) and runs it.
    /// </summary>
    public LedgerBatch BeginBatch(AppDbContext db, ChainTail? tail, System.Data.Common.DbBatch? queue = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (PendingTail(db) is { } pending)
        {
            throw new InvalidOperationException(
                $"Ledger entry {pending.Sequence} is still waiting to be saved; start the batch before appending through the change tracker.");
        }

        return Batch(db, tail, queue);
    }

    private LedgerBatch Batch(AppDbContext db, ChainTail? tail, System.Data.Common.DbBatch? queue = null) =>
        new(db.PrepareInsert<LedgerEntry>(), tail, async (draft, last, token) => Next(draft, await ReasonAsync(draft, token), last), queue);

    /// <summary>The reason as it is stored: sealed under the subject's key when it is about a customer.</summary>
    private async Task<string?> ReasonAsync(LedgerDraft draft, CancellationToken cancellationToken) =>
        draft.Actor.Reason is { } reason && draft.SubjectId is Guid subject && sealer is not null
            ? await sealer.SealAsync(subject, reason, cancellationToken)
            : draft.Actor.Reason;

    private static async Task<ChainTail?> TailAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // Entries appended earlier in the same unit of work are not in the database yet.
        var pending = PendingTail(db);
        cancellationToken.ThrowIfCancellationRequested();
        if (pending is not null)
        {
            return new ChainTail(pending.Sequence, pending.Hash);
        }

        // Two instances on PostgreSQL: the second waits here until the first commits, then reads its entry as the tail.
        await db.LockLedgerTailAsync(cancellationToken);
        return await Tail.For(db)(db);
    }

    // Text is sealed as it will be stored (LedgerText), so what the hash covers is what readers read back.
    private LedgerEntry Next(LedgerDraft draft, string? reason, ChainTail? tail)
    {
        var entry = new LedgerEntry
        {
            Sequence = (tail?.Sequence ?? 0) + 1,
            OccurredAt = time.GetUtcNowToMillisecond(),
            EventType = draft.EventType,
            ActorKind = draft.Actor.Kind,
            ActorId = LedgerText.AsStored(draft.Actor.Id)!,
            SubjectId = draft.SubjectId,
            Source = draft.Source,
            RequestChannel = LedgerText.AsStored(draft.Actor.RequestChannel),
            Reason = LedgerText.AsStored(reason),
            NoticeVersion = draft.NoticeVersion,
            PurposeKey = LedgerText.AsStored(draft.PurposeKey),
            Channel = draft.Channel,
            Before = LedgerText.AsStored(draft.Before),
            After = LedgerText.AsStored(draft.After),
            Detail = LedgerText.AsStored(draft.Detail),
            PreviousHash = tail?.Hash ?? LedgerCanonicalForm.Genesis,
        };
        entry.Seal();
        return entry;
    }

    // Local would first run DetectChanges over every tracked entity: once per entry, that is quadratic over a
    // group-committed batch. Entries are added (never modified) here, so the tracker already lists them all.
    private static LedgerEntry? PendingTail(AppDbContext db)
    {
        var tracker = db.ChangeTracker;
        var detect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            return db.LedgerEntries.Local.MaxBy(e => e.Sequence);
        }
        finally
        {
            tracker.AutoDetectChangesEnabled = detect;
        }
    }

}
