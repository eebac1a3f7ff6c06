using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>
/// The officer's validity per consent-based purpose. A change applies to consents given, confirmed or renewed from
/// then on (each keeps the expiry it was given with), and is a ledger entry by the officer in the same transaction.
/// </summary>
public sealed class PurposeValidityService(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger)
{
    public const string NoExpiry = "none";

    public async Task<IReadOnlyList<PurposeValidity>> ListAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purposes = await db.Purposes.AsNoTracking().Where(p => p.LegalBasis == LegalBasis.Consent)
            .OrderBy(p => p.SortOrder).ToListAsync(cancellationToken);
        var titles = await PurposeTitles.LoadAsync(db, culture.TwoLetterISOLanguageName, cancellationToken);
        return [.. purposes.Select(p => new PurposeValidity(p.Key, titles.GetValueOrDefault(p.Key, p.Key), p.ValidityMonths, p.RetentionAfterEndDays))];
    }

    public async Task<ValiditySaveOutcome> SetAsync(string purposeKey, int? months, Actor officer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        ArgumentNullException.ThrowIfNull(officer);
        if (officer.Kind != ActorKind.Staff)
        {
            return ValiditySaveOutcome.NotAllowed;
        }

        if (!PurposeValidityRules.IsValid(months))
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

        if (purpose.ValidityMonths == months)
        {
            return ValiditySaveOutcome.Unchanged;
        }

        var before = Format(purpose.ValidityMonths);
        purpose.ValidityMonths = months;
        var notice = await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.PurposeValidityChanged, officer, null, ChangeSource.Web, notice, purpose.Key,
            Before: before, After: Format(months)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return ValiditySaveOutcome.Saved;
    }

    private static string Format(int? months) => months?.ToString(CultureInfo.InvariantCulture) ?? NoExpiry;
}
