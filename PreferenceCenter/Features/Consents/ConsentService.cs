using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents.Batch;
using PreferenceCenter.Features.Consents.Gpc;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// Reads and changes consents. Each change writes the new state and its ledger entry in one transaction; a change
/// that needs double opt-in also queues its confirmation email there.
/// On SQLite, with <paramref name="writeContexts"/>, a single change runs on a kept connection whose statements stay
/// prepared (ADR 0017); they must stand for <paramref name="dbFactory"/>.
/// </summary>
public sealed class ConsentService(
    IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time, LifecycleMail mail, SqliteWriteContexts? writeContexts = null)
{
    private readonly SqliteWriteContexts? writeContexts = writeContexts is null || ReferenceEquals(writeContexts.Factory, dbFactory)
        ? writeContexts
        : throw new ArgumentException("The kept write contexts stand for another database than the service's factory.", nameof(writeContexts));

    /// <summary>The customer's consents by (purpose key, channel); a missing pair was never given.</summary>
    public async Task<IReadOnlyDictionary<(string PurposeKey, Channel Channel), ConsentCell>> GetCellsAsync(
        Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Consents.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { p.Key, Consent = c })
            .ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return rows.ToDictionary(
            r => (r.Key, r.Consent.Channel),
            r => ConsentRules.ToCell(r.Key, r.Consent.Channel, r.Consent, now));
    }

    /// <summary>
    /// Makes one change durable before it returns: the consent row and its ledger entry are written with prepared
    /// statements in one write transaction (ADR 0013), anything else the change queues (a confirmation email, a
    /// Global Privacy Control override) through the change tracker in the same transaction.
    /// </summary>
    public async Task<ConsentChangeResult> SetAsync(ConsentChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (writeContexts?.TryRent() is not { } kept)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await SetOnAsync(db, change, cancellationToken);
        }

        var healthy = false;
        try
        {
            var result = await SetOnAsync(kept.Db, change, cancellationToken);
            healthy = true;
            return result;
        }
        finally
        {
            writeContexts.Return(kept, healthy);
        }
    }

    private async Task<ConsentChangeResult> SetOnAsync(AppDbContext db, ConsentChange change, CancellationToken cancellationToken)
    {
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var (context, tail) = await ConsentChangeContext.LoadAsync(db, change, cancellationToken);
        ConsentChangeResult? result;
        try
        {
            result = await ApplyAsync(db, change, context, tail, now, cancellationToken);
        }
        catch (DbException e) when (e.IsWriteConflict())
        {
            // A lost race: the consent row added or the ledger's next sequence taken meanwhile. Any other refusal is a
            // fault and is thrown; disposing the transaction rolls it back.
            result = null;
        }

        if (result is not null && (result.Outcome != ConsentChangeOutcome.Saved || await db.TryCommitAsync(tx, cancellationToken)))
        {
            return result;
        }

        // Another writer got there first (a concurrency token, the unique key or the ledger sequence).
        if (result is null)
        {
            await tx.RollbackAsync(cancellationToken);
        }

        return ConsentPrecheck.Conflict(change, await ReadCellAsync(change, cancellationToken));
    }

    /// <summary>
    /// Group commit for link withdrawals: many in one transaction and one commit (a burst of one-click unsubscribes
    /// shares one fsync), each with its own result and ledger entry. Decided by the same rules as <see cref="SetAsync"/>,
    /// but read in a few queries for the whole batch and written with prepared statements (<see cref="ConsentWithdrawalBatch"/>).
    /// Only withdrawals: they never create a row or send mail. If anything of the batch fails to write, each change is
    /// made alone instead, so one conflict never fails the others, and a change that conflicts alone is tried once more.
    /// This is the one-click path's only retry point: the queue and the endpoint above it do not retry.
    /// </summary>
    public async Task<IReadOnlyList<ConsentChangeResult>> WithdrawManyAsync(IReadOnlyList<ConsentChange> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Any(c => c is null || c.Grant))
        {
            throw new ArgumentException("Only withdrawals are group-committed: a grant can add a row and send a confirmation email.", nameof(changes));
        }

        var results = await new ConsentWithdrawalBatch(dbFactory, ledger, time).TryWriteAsync(changes, cancellationToken);
        if (results is not null)
        {
            return results;
        }

        var alone = new ConsentChangeResult[changes.Count];
        for (var i = 0; i < changes.Count; i++)
        {
            try
            {
                alone[i] = await SetAsync(changes[i], cancellationToken);
            }
            catch (Exception e) when (e is DbException or DbUpdateException)
            {
                // A fault on this one row (SetAsync rolled it back) must not take the other customers' answers with
                // it: this one reads as not done, with its consent as it stands, and its sender may try again.
                alone[i] = ConsentPrecheck.Conflict(changes[i], await ReadCellAsync(changes[i], cancellationToken));
                continue;
            }

            if (alone[i].Outcome == ConsentChangeOutcome.Conflict)
            {
                // Another change to this consent committed first; withdrawing again reads it afresh and settles it.
                alone[i] = await SetAsync(changes[i], cancellationToken);
            }
        }

        return alone;
    }

    // Decides one change and writes it in the open transaction; the caller commits. Null when the consent row
    // changed since it was read (the version guard matched no row).
    private async Task<ConsentChangeResult?> ApplyAsync(
        AppDbContext db, ConsentChange change, ConsentChangeContext context, ChainTail? tail, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (ConsentPrecheck.Decide(change, context, now) is { } decided)
        {
            return decided;
        }

        var (_, purpose, notice, consent) = context;
        var before = ConsentRules.StateLabel(consent, now);
        var pending = change.Grant && ConsentRules.NeedsConfirmation(purpose!, change.Channel, change.Actor);
        if (pending && !await mail.EnqueueConfirmationAsync(db, change.CustomerId, purpose!.Key, change.Channel, cancellationToken))
        {
            return ConsentPrecheck.Rejected(ConsentProblem.NoAddressToConfirm, change);
        }

        var state = pending ? ConsentState.PendingConfirmation : change.Grant ? ConsentState.Granted : ConsentState.Withdrawn;
        if (consent is null)
        {
            consent = new Consent { CustomerId = change.CustomerId, PurposeId = purpose!.Id, Channel = change.Channel };
            ConsentTransition.Apply(consent, state, purpose, notice!.Value, change.Source, now);
            // A row added meanwhile for the same consent fails this insert on the unique key.
            await using var insert = db.PrepareInsertWithNewKey<Consent>();
            await insert.ExecuteAsync(consent, cancellationToken: cancellationToken);
        }
        else
        {
            object?[] read = [consent.Version];
            ConsentTransition.Apply(consent, state, purpose!, notice!.Value, change.Source, now);
            await using var update = db.PrepareUpdate<Consent>(ConsentTransition.ChangedProperties);
            if (await update.ExecuteAsync(consent, read, cancellationToken) != 1)
            {
                return null;
            }
        }

        var eventType = pending ? LedgerEventType.ConsentPendingConfirmation
            : change.Grant ? LedgerEventType.ConsentGranted : LedgerEventType.ConsentWithdrawn;
        // The entry goes in now, after the tail read with the context; an override below chains after it.
        await using (var entries = ledger.BeginBatch(db, tail))
        {
            await entries.AppendAsync(new LedgerDraft(
                eventType, change.Actor, change.CustomerId, change.Source, notice, purpose!.Key, change.Channel,
                before, ConsentRules.StateLabel(consent, now), change.Evidence), cancellationToken);
        }

        await GlobalPrivacyControlOverride.RecordIfStandingAsync(db, ledger, change, purpose!, notice, now, cancellationToken);
        return ConsentChangeResult.Saved(ConsentRules.ToCell(change.PurposeKey, change.Channel, consent, now));
    }

    /// <summary>
    /// Imported consents for one chunk of an import, written in the caller's transaction and ledger batch (the import
    /// commits them with its progress): the same rules as <see cref="SetAsync"/>, prepared statements for speed.
    /// </summary>
    public Task<ConsentImportBatch> BeginImportAsync(
        AppDbContext db, LedgerBatch entries, IReadOnlyList<ImportedConsent> consents, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(consents);
        return ConsentImportBatch.BeginAsync(db, entries, mail, consents, cancellationToken);
    }

    /// <summary>
    /// Withdraws every consent that is on or awaiting confirmation, in one transaction with one ledger entry each;
    /// <paramref name="detail"/> goes into each entry (which email's link it came from). A last entry,
    /// <see cref="LedgerEventType.AllConsentsWithdrawn"/>, keeps what was on, for <see cref="WithdrawAllUndo"/>.
    /// </summary>
    public async Task<int> WithdrawAllAsync(Guid customerId, Actor actor, ChangeSource source, string? detail = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var notice = await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken) ?? 0;
        var now = time.GetUtcNowToMillisecond();
        var granted = await db.Consents
            .Where(c => c.CustomerId == customerId && c.State != ConsentState.Withdrawn)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, Purpose = p })
            .ToListAsync(cancellationToken);

        var was = new List<WithdrawAllSnapshot.Item>();
        foreach (var item in granted.Where(g => !ConsentRules.IsUnchanged(g.Consent, grant: false, now)))
        {
            was.Add(WithdrawAllSnapshot.Item.Of(item.Purpose.Key, item.Consent));
            var before = ConsentRules.StateLabel(item.Consent, now);
            ConsentTransition.Apply(item.Consent, ConsentState.Withdrawn, item.Purpose, notice, source, now);
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ConsentWithdrawn, actor, customerId, source, notice, item.Purpose.Key, item.Consent.Channel,
                before, ConsentRules.Off, detail), cancellationToken);
        }

        if (was.Count > 0)
        {
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.AllConsentsWithdrawn, actor, customerId, source, notice,
                After: was.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Detail: new WithdrawAllSnapshot(now, was).ToDetail()), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return was.Count;
    }

    private async Task<ConsentCell> ReadCellAsync(ConsentChange change, CancellationToken cancellationToken)
    {
        var cells = await GetCellsAsync(change.CustomerId, cancellationToken);
        return cells.GetValueOrDefault((change.PurposeKey, change.Channel)) ?? ConsentCell.NeverGiven(change.PurposeKey, change.Channel);
    }
}
