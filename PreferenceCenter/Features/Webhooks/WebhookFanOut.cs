using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// Turns new ledger entries into deliveries, one per entry and interested endpoint, and moves the feed position in
/// the same transaction. The ledger is the outbox (ADR 0012): every change wrote its entry in its own transaction,
/// and entries commit in sequence order, so reading past the position misses nothing and adds no cost to any write.
/// </summary>
public sealed class WebhookFanOut(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, IOptions<WebhookOptions> options)
{
    /// <summary>Reads one batch of the ledger; returns how many deliveries it made.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Without a listening endpoint there is nothing to do, and no write lock is taken: a registered endpoint hears
        // only of later changes, so the position can jump ahead when the first one arrives.
        var listening = db.WebhookEndpoints.Where(e => e.DisabledAt == null && e.RemovedAt == null)
            .Join(db.ApiClients.Where(c => c.RevokedAt == null), e => e.ApiClientId, c => c.Id, (e, c) => e);
        var earliest = await listening.MinAsync(e => (long?)e.StartsAfterSequence, cancellationToken);
        if (earliest is null)
        {
            return 0;
        }

        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var position = await db.WebhookFeedPositions.FirstOrDefaultAsync(cancellationToken)
            ?? db.WebhookFeedPositions.Add(new WebhookFeedPosition()).Entity;
        var last = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        var from = Math.Max(position.LastSequence, earliest.Value);
        if (last <= from)
        {
            return 0;
        }

        var endpoints = await listening.Where(e => e.StartsAfterSequence < last).AsNoTracking().ToListAsync(cancellationToken);
        var upTo = last;
        var made = 0;
        if (endpoints.Count > 0)
        {
            var batch = options.Value.FanOutBatchSize;
            var entries = await db.LedgerEntries.AsNoTracking()
                .Where(e => e.Sequence > from && e.Sequence <= last && e.SubjectId != null && WebhookEventTypes.Sources.Contains(e.EventType))
                .OrderBy(e => e.Sequence).Take(batch).ToListAsync(cancellationToken);
            upTo = entries.Count == batch ? entries[^1].Sequence : last;
            var subjects = entries.Select(e => e.SubjectId!.Value).Distinct().ToList();
            var references = await db.Customers.Where(c => subjects.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.Reference, cancellationToken);
            var now = time.GetUtcNowToMillisecond();
            foreach (var entry in entries)
            {
                var type = WebhookEventTypes.Of(entry.EventType)!;
                var customer = entry.SubjectId!.Value;
                if (!references.TryGetValue(customer, out var reference))
                {
                    continue;
                }

                var payload = WebhookPayloads.Build(type, entry, reference);
                foreach (var endpoint in endpoints.Where(e => e.StartsAfterSequence < entry.Sequence && e.Wants(type)))
                {
                    db.WebhookDeliveries.Add(new WebhookDelivery
                    {
                        EndpointId = endpoint.Id, LedgerSequence = entry.Sequence, CustomerId = customer, EventType = type,
                        MessageId = "msg_" + RandomNumberGenerator.GetHexString(24, lowercase: true), Payload = payload,
                        OccurredAt = entry.OccurredAt, QueuedAt = now, TryingSince = now, NextAttemptAt = now,
                    });
                    made++;
                }
            }
        }

        position.LastSequence = upTo;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return made;
    }
}
