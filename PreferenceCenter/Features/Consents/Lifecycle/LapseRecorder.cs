using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Records each lapsed consent in the ledger, once per period. Reads never wait for this: an expired consent already
/// counts as not given (<see cref="ConsentRules.IsOn"/>); the job only makes the lapse part of the record. It also
/// closes double opt-in requests whose confirmation link has stopped working: they can no longer be confirmed, so
/// "waiting for your confirmation" would no longer be true.
/// </summary>
public sealed class LapseRecorder(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, IOptions<LifecycleOptions> options, TimeProvider time)
{
    public const string ActorName = "consent-expiry";
    public const int BatchSize = 200;

    /// <returns>How many lapses were recorded; the job runs again while a full batch came back.</returns>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var lapsed = await Lapsed(db, now).ToListAsync(cancellationToken);
        foreach (var item in lapsed)
        {
            // The row's concurrency token is left alone: a lapse is not a change the customer's page must reload for.
            item.Consent.ExpiryRecordedAt = now;
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ConsentExpired, Actor.System(ActorName), item.Consent.CustomerId, ChangeSource.System,
                item.Consent.NoticeVersion, item.Key, item.Consent.Channel, ConsentRules.On, ConsentRules.Lapsed,
                LedgerTime.Format(item.Consent.ExpiresAt!.Value)), cancellationToken);
        }

        // A customer renewing meanwhile changes the row's version: then this batch rolls back and the next run sees the new period.
        return await db.TryCommitAsync(tx, cancellationToken) ? lapsed.Count : 0;
    }

    /// <summary>
    /// Turns off requests still waiting for confirmation once their link has expired, one system entry each. The
    /// consent was never given, so it simply stays off; switching it on again sends a new link.
    /// </summary>
    /// <returns>How many requests were closed; the job runs again while a full batch came back.</returns>
    public async Task<int> CloseUnconfirmedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var lifetime = options.Value.ConfirmationLinkLifetime;
        var askedBefore = now - lifetime;
        // No index: this reads the table once per run (every JobIntervalMinutes), which stays cheap next to the
        // writes an index on State would add to every consent change.
        var stale = await db.Consents
            .Where(c => c.State == ConsentState.PendingConfirmation && c.ChangedAt <= askedBefore)
            .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, Purpose = p })
            .OrderBy(x => x.Consent.ChangedAt).Take(BatchSize)
            .ToListAsync(cancellationToken);
        foreach (var item in stale)
        {
            var linkEnded = item.Consent.ChangedAt + lifetime;
            ConsentTransition.Apply(item.Consent, ConsentState.Withdrawn, item.Purpose, item.Consent.NoticeVersion, ChangeSource.System, now);
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.ConsentConfirmationLapsed, Actor.System(ActorName), item.Consent.CustomerId, ChangeSource.System,
                item.Consent.NoticeVersion, item.Purpose.Key, item.Consent.Channel, ConsentRules.Pending, ConsentRules.Off,
                LedgerTime.Format(linkEnded)), cancellationToken);
        }

        // The customer switching it meanwhile changes the row's version: then this batch rolls back and the next run decides again.
        return await db.TryCommitAsync(tx, cancellationToken) ? stale.Count : 0;
    }

    /// <summary>The next batch of lapses to record, oldest first (its plan is tested to use the expiry index).</summary>
    internal static IQueryable<LapsedConsent> Lapsed(AppDbContext db, DateTimeOffset now) => db.Consents
        .Where(c => c.State == ConsentState.Granted && c.ExpiresAt <= now && c.ExpiryRecordedAt == null)
        .Join(db.Purposes, c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, p.Key })
        .OrderBy(x => x.Consent.ExpiresAt).Take(BatchSize)
        .Select(x => new LapsedConsent(x.Consent, x.Key));

    internal sealed record LapsedConsent(Consent Consent, string Key);
}
