using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Sends each consent that enters its last <c>Lifecycle:RenewalReminderDays</c> one reminder for that period. Each
/// reminder is its own transaction: the <see cref="RenewalReminder"/> record, the outbox row and the ledger entry
/// commit together, and the record's unique key refuses a second one for the same period whoever tries. A reminder
/// is an email we choose to send, so a pause on email holds it: it goes when the pause ends if the period is still
/// running, and not at all if the pause outlasts it (the consent then lapses as it would have without a reply).
/// </summary>
public sealed class RenewalReminderSender(
    IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, LifecycleMail mail, IContactPauses pauses, IOptions<LifecycleOptions> options,
    TimeProvider time)
{
    public const string ActorName = "renewal-reminders";
    public const int BatchSize = 100;

    /// <returns>How many reminders were queued.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var sent = 0;
        foreach (var consentId in await DueAsync(cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            sent += await RemindAsync(consentId, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<List<int>> DueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var horizon = now + options.Value.ReminderLead;
        return await Due(db, pauses, now, horizon).ToListAsync(cancellationToken);
    }

    /// <summary>Consents to remind now, soonest end first (its plan is tested to use the expiry index).</summary>
    internal static IQueryable<int> Due(AppDbContext db, IContactPauses pauses, DateTimeOffset now, DateTimeOffset horizon) => db.Consents
        .Where(c => c.State == ConsentState.Granted && c.ExpiresAt > now && c.ExpiresAt <= horizon
            && !db.RenewalReminders.Any(r => r.ConsentId == c.Id && r.PeriodEndsAt == c.ExpiresAt)
            && db.Customers.Any(x => x.Id == c.CustomerId && x.Status == CustomerStatus.Active)
            && !pauses.PausedCustomers(db, Channel.Email, now).Contains(c.CustomerId))
        .OrderBy(c => c.ExpiresAt).Select(c => c.Id).Take(BatchSize);

    private async Task<bool> RemindAsync(int consentId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var row = await db.Consents.Where(c => c.Id == consentId)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, p.Key })
            .FirstOrDefaultAsync(cancellationToken);

        // Read again inside the transaction: renewed, withdrawn, reminded or paused meanwhile means nothing to send now.
        if (row is null || !RenewalRules.IsDue(row.Consent, now, options.Value.ReminderLead)
            || await db.RenewalReminders.AnyAsync(r => r.ConsentId == consentId && r.PeriodEndsAt == row.Consent.ExpiresAt, cancellationToken)
            || await pauses.PausedCustomers(db, Channel.Email, now).ContainsAsync(row.Consent.CustomerId, cancellationToken)
            || !await mail.EnqueueReminderAsync(db, row.Consent, row.Key, cancellationToken))
        {
            return false;
        }

        var ends = row.Consent.ExpiresAt!.Value;
        db.RenewalReminders.Add(new RenewalReminder { ConsentId = consentId, PeriodEndsAt = ends, SentAt = now });
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.RenewalReminderSent, Actor.System(ActorName), row.Consent.CustomerId, ChangeSource.System,
            row.Consent.NoticeVersion, row.Key, row.Consent.Channel, Detail: LedgerTime.Format(ends)), cancellationToken);

        // Another instance that got there first owns the unique (consent, period) row: ours rolls back, outbox row included.
        return await db.TryCommitAsync(tx, cancellationToken);
    }
}
