using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents;

/// <summary>
/// Undoes the customer's last "withdraw everything" for <see cref="Window"/> afterwards: each consent it switched off
/// comes back exactly as it was (state, period, notice, source) — marketing by email stays confirmed, with no fresh
/// double opt-in, because it is the customer taking back their own click minutes later, not a new consent. A consent
/// changed meanwhile (by the customer, support, a link) is left as it is and named. One transaction: the restored
/// rows, one entry per consent, and a <see cref="LedgerEventType.WithdrawAllUndone"/> entry.
/// </summary>
public sealed class WithdrawAllUndo(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    /// <summary>The detail of each restored consent's entry, so history and audits can tell it from a fresh grant.</summary>
    public const string RestoredDetail = "undo-withdraw-all";

    /// <summary>Until when the customer's last "withdraw everything" can be undone; null when there is none to undo.</summary>
    public async Task<DateTimeOffset?> UndoableUntilAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var last = await LastAsync(db, customerId, cancellationToken);
        var until = last is { EventType: LedgerEventType.AllConsentsWithdrawn } ? last.OccurredAt + Window : (DateTimeOffset?)null;
        return until > time.GetUtcNow() ? until : null;
    }

    public async Task<WithdrawAllUndoResult> UndoAsync(Guid customerId, Actor actor, ChangeSource source, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (actor.Kind != ActorKind.Customer || actor.Id != customerId.ToString())
        {
            return WithdrawAllUndoResult.Not(WithdrawAllUndoOutcome.Refused);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        if (!await db.Customers.AnyAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken))
        {
            return WithdrawAllUndoResult.Not(WithdrawAllUndoOutcome.Refused);
        }

        var now = time.GetUtcNowToMillisecond();
        var last = await LastAsync(db, customerId, cancellationToken);
        if (last is not { EventType: LedgerEventType.AllConsentsWithdrawn } || WithdrawAllSnapshot.FromDetail(last.Detail) is not { } snapshot)
        {
            return WithdrawAllUndoResult.Not(WithdrawAllUndoOutcome.NothingToUndo);
        }

        if (now >= last.OccurredAt + Window)
        {
            return WithdrawAllUndoResult.Not(WithdrawAllUndoOutcome.TooLate);
        }

        var rows = await db.Consents.Where(c => c.CustomerId == customerId)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, Purpose = p })
            .ToListAsync(cancellationToken);
        var restored = new List<(string, Channel)>();
        var left = new List<(string, Channel)>();
        foreach (var item in snapshot.Items)
        {
            var row = rows.FirstOrDefault(r => r.Purpose.Key == item.PurposeKey && r.Consent.Channel == item.Channel);
            // Untouched since: still off, from that very withdrawal, and still a consent purpose offered on that channel.
            if (row is null || row.Consent.State != ConsentState.Withdrawn || row.Consent.ChangedAt != snapshot.WithdrawnAt
                || !row.Purpose.AsksForConsent || !row.Purpose.IsOfferedOn(item.Channel))
            {
                left.Add((item.PurposeKey, item.Channel));
                continue;
            }

            Restore(row.Consent, item);
            await ledger.AppendAsync(db, new LedgerDraft(
                item.State == ConsentState.PendingConfirmation ? LedgerEventType.ConsentPendingConfirmation : LedgerEventType.ConsentGranted,
                actor, customerId, source, item.NoticeVersion, item.PurposeKey, item.Channel,
                ConsentRules.Off, ConsentRules.StateLabel(row.Consent, now), RestoredDetail), cancellationToken);
            restored.Add((item.PurposeKey, item.Channel));
        }

        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.WithdrawAllUndone, actor, customerId, source,
            Before: left.Count.ToString(CultureInfo.InvariantCulture), After: restored.Count.ToString(CultureInfo.InvariantCulture)), cancellationToken);
        return await db.TryCommitAsync(tx, cancellationToken)
            ? new WithdrawAllUndoResult(WithdrawAllUndoOutcome.Restored, restored, left)
            : WithdrawAllUndoResult.Not(WithdrawAllUndoOutcome.Conflict);
    }

    // Exactly as it was, period included: the undo gives back the old consent, it does not start a new one.
    private static void Restore(Consent consent, WithdrawAllSnapshot.Item was)
    {
        consent.State = was.State;
        consent.ChangedAt = was.ChangedAt;
        consent.ExpiresAt = was.ExpiresAt;
        consent.ExpiryRecordedAt = null;
        consent.NoticeVersion = was.NoticeVersion;
        consent.Source = was.Source;
        consent.Version++;
    }

    private static Task<LedgerEntry?> LastAsync(AppDbContext db, Guid customerId, CancellationToken cancellationToken) =>
        db.LedgerEntries.AsNoTracking()
            .Where(e => e.SubjectId == customerId && (e.EventType == LedgerEventType.AllConsentsWithdrawn || e.EventType == LedgerEventType.WithdrawAllUndone))
            .OrderByDescending(e => e.Sequence)
            .FirstOrDefaultAsync(cancellationToken);
}
