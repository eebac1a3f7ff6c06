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

    private static readonly PurposeNumberSetting Setting = new(
        LedgerEventType.PurposeValidityChanged, p => p.ValidityMonths, (p, months) => p.ValidityMonths = months,
        PurposeValidityRules.IsValid, NoExpiry);

    public Task<ValiditySaveOutcome> SetAsync(string purposeKey, int? months, Actor officer, CancellationToken cancellationToken = default) =>
        Setting.SetAsync(dbFactory, ledger, purposeKey, months, officer, cancellationToken);
}
