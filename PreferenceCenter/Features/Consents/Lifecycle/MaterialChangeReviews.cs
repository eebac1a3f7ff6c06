using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Which of a customer's live consents were given under a notice older than their purpose's last material change,
/// and "keep it": giving them again under the notice in force. Changing the consent on the matrix also settles it,
/// since every change records the notice in force.
/// </summary>
public sealed class MaterialChangeReviews(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    public async Task<IReadOnlyList<PurposeToReview>> ListAsync(Guid customerId, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stale = await StaleAsync(db, customerId, null, time.GetUtcNow(), cancellationToken);
        if (stale.Count == 0)
        {
            return [];
        }

        var titles = await PurposeTitles.LoadAsync(db, culture.TwoLetterISOLanguageName, cancellationToken);
        return [.. stale.GroupBy(s => s.Purpose.Key).Select(g =>
            new PurposeToReview(g.Key, titles.GetValueOrDefault(g.Key, g.Key), g.First().Purpose.MaterialChangeNotice!.Value))];
    }

    /// <summary>The customer keeps their choice for the purpose: each live consent for it is given again, one ledger entry each.</summary>
    public async Task<int> KeepAsync(Guid customerId, string purposeKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(purposeKey);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        var stale = await StaleAsync(db, customerId, purposeKey, now, cancellationToken);
        foreach (var linked in stale)
        {
            await ConsentRenewal.RenewAsync(db, ledger, linked, Actor.Customer(customerId), ChangeSource.Web, now, cancellationToken);
        }

        return await db.TryCommitAsync(tx, cancellationToken) ? stale.Count : 0;
    }

    private static async Task<List<LinkedConsent>> StaleAsync(
        AppDbContext db, Guid customerId, string? purposeKey, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.Consents
            .Where(c => c.CustomerId == customerId && c.State == ConsentState.Granted)
            .Join(db.Purposes.Where(p => p.MaterialChangeNotice != null && (purposeKey == null || p.Key == purposeKey)),
                c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, Purpose = p })
            .Where(x => x.Consent.NoticeVersion < x.Purpose.MaterialChangeNotice)
            .ToListAsync(cancellationToken);
        return [.. rows.Where(r => ConsentRules.IsOn(r.Consent, now)).OrderBy(r => r.Purpose.SortOrder).Select(r => new LinkedConsent(r.Consent, r.Purpose))];
    }
}
