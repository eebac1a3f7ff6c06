using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Webhooks;

namespace PreferenceCenter.Features.MyData;

/// <summary>
/// "Where my data went" (GDPR Art. 19): per partner, the sharing consents and since when, and each withdrawal or
/// erasure passed on to that partner's systems with its delivery record. Partners are the recipients of the sharing
/// purposes; their systems are the API clients the officer marked as theirs.
/// </summary>
public sealed class WhereMyDataWentService(IDbContextFactory<AppDbContext> dbFactory, PartnerDeliveryReader deliveries, TimeProvider time)
{
    public async Task<IReadOnlyList<PartnerRecord>> GetAsync(Guid customerId, CultureInfo culture, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(culture);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var titles = await PurposeTitles.LoadAsync(db, culture.TwoLetterISOLanguageName, cancellationToken);
        var now = time.GetUtcNow();
        var sharing = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId)
            .Join(db.Purposes.Where(p => p.RecipientId != null), c => c.PurposeId, p => p.Id, (c, p) => new { Consent = c, p.Key, RecipientId = p.RecipientId!.Value })
            .ToListAsync(cancellationToken);
        var told = await deliveries.ForCustomerAsync(customerId, cancellationToken);
        var ids = sharing.Select(s => s.RecipientId).Concat(told.Select(t => t.RecipientId)).Distinct().ToList();
        var partners = await db.Recipients.AsNoTracking().Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        string Title(string? key) => key is null ? string.Empty : titles.GetValueOrDefault(key, key);
        return [.. partners.OrderBy(p => p.Name, StringComparer.Create(culture, ignoreCase: true)).Select(p => new PartnerRecord(
            p.Name, p.Country,
            [.. sharing.Where(s => s.RecipientId == p.Id).OrderBy(s => s.Key).ThenBy(s => s.Consent.Channel)
                .Select(s => new PartnerSharing(Title(s.Key), s.Consent.Channel, ConsentRules.IsOn(s.Consent, now), s.Consent.ChangedAt))],
            // One line per change, even when it went to several of the partner's systems: the least advanced one says how far it got.
            [.. told.Where(t => t.RecipientId == p.Id)
                .GroupBy(t => (t.Change, t.PurposeKey, t.Channel, t.OccurredAt))
                .Select(g => g.OrderBy(t => Rank(t.State)).First())
                .Select(t => new PartnerNotice(t.Change == LedgerEventType.CustomerErased, t.PurposeKey is null ? null : Title(t.PurposeKey),
                    t.Channel, t.OccurredAt, t.State, t.AcknowledgedAt))]))];
    }

    private static int Rank(WebhookDeliveryState state) => state switch
    {
        WebhookDeliveryState.DeadLettered => 0,
        WebhookDeliveryState.Failing => 1,
        WebhookDeliveryState.Waiting => 2,
        _ => 3,
    };
}
