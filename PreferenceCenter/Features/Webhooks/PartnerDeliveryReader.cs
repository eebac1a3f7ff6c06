using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// For /my-data (GDPR Art. 19): which withdrawals and erasures of one customer went to which partner's endpoints, and
/// whether each arrived. Only clients marked as a partner's count; the officer marks them.
/// </summary>
public sealed class PartnerDeliveryReader(IDbContextFactory<AppDbContext> dbFactory)
{
    private static readonly LedgerEventType[] Told = [LedgerEventType.ConsentWithdrawn, LedgerEventType.CustomerErased];

    public async Task<IReadOnlyList<PartnerDelivery>> ForCustomerAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.CustomerId == customerId)
            .Join(db.WebhookEndpoints, d => d.EndpointId, e => e.Id, (d, e) => new { d, e.ApiClientId })
            .Join(db.ApiClients.Where(c => c.RecipientId != null), x => x.ApiClientId, c => c.Id, (x, c) => new { x.d, RecipientId = c.RecipientId!.Value })
            .Join(db.LedgerEntries.Where(l => Told.Contains(l.EventType)), x => x.d.LedgerSequence, l => l.Sequence,
                (x, l) => new { x.d, x.RecipientId, l.EventType, l.PurposeKey, l.Channel })
            .ToListAsync(cancellationToken);
        return [.. rows.OrderBy(r => r.d.OccurredAt).ThenBy(r => r.d.Id).Select(r => new PartnerDelivery(
            r.RecipientId, r.EventType, r.PurposeKey, r.Channel, r.d.OccurredAt, r.d.State, r.d.LastAttemptAt, r.d.AcknowledgedAt))];
    }
}
