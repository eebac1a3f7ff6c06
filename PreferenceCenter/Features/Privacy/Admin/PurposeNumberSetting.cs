using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Privacy.Admin;

/// <summary>
/// One number the officer sets per consent-based purpose (validity in months, retention in days): refused unless
/// staff and within its rule; the purpose's value and a ledger entry by the officer commit in one transaction.
/// </summary>
public sealed class PurposeNumberSetting(
    LedgerEventType changed, Func<Purpose, int?> read, Action<Purpose, int?> write, Func<int?, bool> isValid, string noneText)
{
    public async Task<ValiditySaveOutcome> SetAsync(
        IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, string purposeKey, int? value, Actor officer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dbFactory);
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentNullException.ThrowIfNull(purposeKey);
        ArgumentNullException.ThrowIfNull(officer);
        if (officer.Kind != ActorKind.Staff)
        {
            return ValiditySaveOutcome.NotAllowed;
        }

        if (!isValid(value))
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

        if (read(purpose) == value)
        {
            return ValiditySaveOutcome.Unchanged;
        }

        var before = Format(read(purpose));
        write(purpose, value);
        var notice = await db.NoticeVersions.MaxAsync(n => (int?)n.Number, cancellationToken);
        await ledger.AppendAsync(db, new LedgerDraft(
            changed, officer, null, ChangeSource.Web, notice, purpose.Key, Before: before, After: Format(value)), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return ValiditySaveOutcome.Saved;
    }

    private string Format(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? noneText;
}
