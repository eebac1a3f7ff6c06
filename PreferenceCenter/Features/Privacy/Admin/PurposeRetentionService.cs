using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>
/// The officer's retention per consent-based purpose: days its data is kept after the consent ends. A change applies
/// from the retention job's next run, and is a ledger entry by the officer in the same transaction.
/// </summary>
public sealed class PurposeRetentionService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger)
{
    public const string KeptUntilErased = "none";

    public async Task<ValiditySaveOutcome> SetAsync(string purposeKey, int? days, Actor officer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        ArgumentNullException.ThrowIfNull(officer);
        if (officer.Kind != ActorKind.Staff)
        {
            return ValiditySaveOutcome.NotAllowed;
        }

        if (!PurposeRetentionRules.IsValid(days))
        {
            return ValiditySaveOutcome.OutOfBounds;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var purpose = await db.Purposes.FirstOrDefaultAsync(p => p.Key == purposeKey && p.LegalBasis == LegalBasis.Consent, cancellationToken);
        if (purpose is null)
        {
            return ValiditySaveOutcome.UnknownPurpose;
        }

        if (purpose.RetentionAfterEndDays == days)
        {
            return ValiditySaveOutcome.Unchanged;
        }

        var before = Format(purpose.RetentionAfterEndDays);
        purpose.RetentionAfterEndDays = days;
        var notice = await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.PurposeRetentionChanged, officer, null, ChangeSource.Web, notice, purpose.Key,
            Before: before, After: Format(days)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return ValiditySaveOutcome.Saved;
    }

    private static string Format(int? days) => days?.ToString(CultureInfo.InvariantCulture) ?? KeptUntilErased;
}
