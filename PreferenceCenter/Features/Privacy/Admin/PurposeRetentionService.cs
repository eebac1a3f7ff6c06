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

    private static readonly PurposeNumberSetting Setting = new(
        LedgerEventType.PurposeRetentionChanged, p => p.RetentionAfterEndDays, (p, days) => p.RetentionAfterEndDays = days,
        PurposeRetentionRules.IsValid, KeptUntilErased);

    public Task<ValiditySaveOutcome> SetAsync(string purposeKey, int? days, Actor officer, CancellationToken cancellationToken = default) =>
        Setting.SetAsync(dbFactory, ledger, purposeKey, days, officer, cancellationToken);
}
