using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Gives a consent that is on again, under the notice in force: a new period, and a ledger entry whose before and
/// after are the old and new ends. Shared by the renewal link and the review of a materially changed purpose.
/// </summary>
public static class ConsentRenewal
{
    public static async Task RenewAsync(
        AppDbContext db, LedgerWriter ledger, LinkedConsent linked, Actor actor, ChangeSource source, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(linked);
        var consent = linked.Consent;
        var before = consent.ExpiresAt;
        var notice = await db.NoticeVersions.MaxAsync(n => n.Number, cancellationToken);
        ConsentTransition.Apply(consent, ConsentState.Granted, linked.Purpose, notice, source, now);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ConsentRenewed, actor, consent.CustomerId, source, notice, linked.Purpose.Key, consent.Channel,
            Format(before), Format(consent.ExpiresAt)), cancellationToken);
    }

    private static string? Format(DateTimeOffset? moment) => moment is { } m ? LedgerTime.Format(m) : null;
}
