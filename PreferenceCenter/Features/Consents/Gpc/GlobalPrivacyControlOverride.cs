using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Gpc;

/// <summary>
/// A partner purpose turned on after the browser's signal was honoured is the customer's explicit choice over the
/// signal: recorded once, in the grant's transaction, with its own ledger entry.
/// </summary>
public static class GlobalPrivacyControlOverride
{
    public static async Task RecordIfStandingAsync(
        AppDbContext db, LedgerWriter ledger, ConsentChange change, Purpose purpose, int? notice, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(change);
        ArgumentNullException.ThrowIfNull(purpose);
        if (!change.Grant || purpose.Kind != PurposeKind.Sharing)
        {
            return;
        }

        var signal = await db.GlobalPrivacyControlSignals
            .FirstOrDefaultAsync(s => s.CustomerId == change.CustomerId && s.OverriddenAt == null, cancellationToken);
        if (signal is null)
        {
            return;
        }

        signal.OverriddenAt = now;
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.GlobalPrivacyControlOverridden, change.Actor, change.CustomerId, change.Source, notice,
            purpose.Key, change.Channel), cancellationToken);
    }
}
