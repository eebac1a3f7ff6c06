using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// The officer's webhook endpoints: register (the secret shown once), remove, send dead letters again, mark a client as
/// a partner's; each with its ledger entry in the same transaction. Also each endpoint's health for the page.
/// </summary>
public sealed class WebhookAdminService(
    IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, WebhookSecrets secrets, WebhookUrlValidator urls, TimeProvider time)
{
    public async Task<IReadOnlyList<WebhookClientView>> ClientsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var clients = await db.ApiClients.AsNoTracking().Where(c => c.RevokedAt == null)
            .Select(c => new WebhookClientView(c.Id, c.Name, c.RecipientId)).ToListAsync(cancellationToken);
        return [.. clients.OrderBy(c => c.Name, StringComparer.CurrentCultureIgnoreCase)];
    }

    public async Task<IReadOnlyList<Recipient>> PartnersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Recipients.AsNoTracking().OrderBy(r => r.Name).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WebhookEndpointHealth>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var endpoints = await db.WebhookEndpoints.AsNoTracking().Where(e => e.RemovedAt == null)
            .Join(db.ApiClients, e => e.ApiClientId, c => c.Id, (e, c) => new { Endpoint = e, Client = c.Name })
            .ToListAsync(cancellationToken);
        var health = await db.WebhookDeliveries.GroupBy(d => d.EndpointId).Select(g => new
        {
            EndpointId = g.Key,
            LastSuccess = g.Max(d => d.AcknowledgedAt),
            Failing = g.Count(d => d.AcknowledgedAt == null && d.DeadLetteredAt == null && d.Attempts > 0),
            Backlog = g.Count(d => d.AcknowledgedAt == null && d.DeadLetteredAt == null),
            Dead = g.Count(d => d.DeadLetteredAt != null),
        }).ToDictionaryAsync(h => h.EndpointId, cancellationToken);
        var lastErrors = await db.WebhookDeliveries
            .Where(d => d.AcknowledgedAt == null && d.LastError != null)
            .GroupBy(d => d.EndpointId)
            .Select(g => g.OrderByDescending(d => d.LastAttemptAt).Select(d => new { d.EndpointId, d.LastError }).First())
            .ToDictionaryAsync(e => e.EndpointId, e => e.LastError, cancellationToken);
        return [.. endpoints.OrderBy(e => e.Client, StringComparer.CurrentCultureIgnoreCase).ThenBy(e => e.Endpoint.CreatedAt).Select(e =>
        {
            var h = health.GetValueOrDefault(e.Endpoint.Id);
            return new WebhookEndpointHealth(
                e.Endpoint.Id, e.Client, e.Endpoint.Url, e.Endpoint.EventTypes.Split(' '), e.Endpoint.CreatedAt, e.Endpoint.DisabledAt,
                h?.LastSuccess, h?.Failing ?? 0, h?.Backlog ?? 0, h?.Dead ?? 0, lastErrors.GetValueOrDefault(e.Endpoint.Id));
        })];
    }

    public async Task<WebhookAdminResult> RegisterAsync(
        Guid clientId, string? url, IReadOnlyCollection<string> eventTypes, string officerUserId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        if (WebhookEventTypes.Format(eventTypes) is not { } types)
        {
            return WebhookAdminResult.Refused(WebhookAdminProblem.NoEventType);
        }

        // Before the write lock: resolving a name can take a while, and it needs nothing from the database.
        if (await urls.CheckAsync(url, cancellationToken) is { } urlProblem)
        {
            return WebhookAdminResult.BadUrl(urlProblem);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return WebhookAdminResult.Refused(client is null ? WebhookAdminProblem.UnknownClient : WebhookAdminProblem.ClientRevoked);
        }

        var secret = WebhookSignature.NewSecret();
        var endpoint = new WebhookEndpoint
        {
            Id = Guid.NewGuid(), ApiClientId = clientId, Url = url!.Trim(), EventTypes = types, SealedSecret = secrets.Seal(secret),
            CreatedAt = time.GetUtcNowToMillisecond(),
            StartsAfterSequence = await db.LedgerEntries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0,
        };
        db.WebhookEndpoints.Add(endpoint);
        await AppendAsync(db, LedgerEventType.WebhookEndpointRegistered, officerUserId, endpoint, $"events={types}", cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return WebhookAdminResult.Done(secret);
    }

    public Task<WebhookAdminResult> RemoveAsync(Guid endpointId, string officerUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, officerUserId, LedgerEventType.WebhookEndpointRemoved, requireActive: false, async (db, endpoint, now) =>
        {
            endpoint.RemovedAt = now;
            await Task.CompletedTask;
            return (0, null);
        }, cancellationToken);

    /// <summary>Puts the endpoint's dead letters back in line, in their order, with a fresh dead-letter time.</summary>
    public Task<WebhookAdminResult> SendDeadLettersAgainAsync(Guid endpointId, string officerUserId, CancellationToken cancellationToken = default) =>
        ChangeAsync(endpointId, officerUserId, LedgerEventType.WebhookDeadLettersResent, requireActive: true, async (db, endpoint, now) =>
        {
            var count = await db.WebhookDeliveries.Where(d => d.EndpointId == endpoint.Id && d.DeadLetteredAt != null)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.DeadLetteredAt, (DateTimeOffset?)null)
                    .SetProperty(d => d.TryingSince, now).SetProperty(d => d.NextAttemptAt, now), cancellationToken);
            return (count, $"count={count}");
        }, cancellationToken);

    /// <summary>Marks a client as the partner's (a recipient of sharing purposes), or as no one's with null.</summary>
    public async Task<WebhookAdminResult> SetPartnerAsync(Guid clientId, int? recipientId, string officerUserId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var client = await db.ApiClients.FirstOrDefaultAsync(c => c.Id == clientId, cancellationToken);
        if (client is null || client.RevokedAt is not null)
        {
            return WebhookAdminResult.Refused(client is null ? WebhookAdminProblem.UnknownClient : WebhookAdminProblem.ClientRevoked);
        }

        if (recipientId is { } id && !await db.Recipients.AnyAsync(r => r.Id == id, cancellationToken))
        {
            return WebhookAdminResult.Refused(WebhookAdminProblem.UnknownRecipient);
        }

        if (client.RecipientId == recipientId)
        {
            return WebhookAdminResult.Done();
        }

        var before = client.RecipientId;
        client.RecipientId = recipientId;
        client.Version++;
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ApiClientPartnerChanged, Actor.Staff(officerUserId), SubjectId: null, ChangeSource.Web,
            Before: before?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            After: recipientId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Detail: $"client={client.Id:N};name={client.Name}"), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return WebhookAdminResult.Done();
    }

    private async Task<WebhookAdminResult> ChangeAsync(
        Guid endpointId, string officerUserId, LedgerEventType eventType, bool requireActive,
        Func<AppDbContext, WebhookEndpoint, DateTimeOffset, Task<(int Count, string? Detail)>> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var endpoint = await db.WebhookEndpoints.FirstOrDefaultAsync(e => e.Id == endpointId && e.RemovedAt == null, cancellationToken);
        if (endpoint is null)
        {
            return WebhookAdminResult.Refused(WebhookAdminProblem.UnknownEndpoint);
        }

        if (requireActive && !endpoint.IsActive)
        {
            return WebhookAdminResult.Refused(WebhookAdminProblem.EndpointNotActive);
        }

        var (count, detail) = await change(db, endpoint, time.GetUtcNowToMillisecond());
        await AppendAsync(db, eventType, officerUserId, endpoint, detail, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return WebhookAdminResult.Done(count: count);
    }

    private Task<LedgerEntry> AppendAsync(
        AppDbContext db, LedgerEventType eventType, string officerUserId, WebhookEndpoint endpoint, string? detail, CancellationToken cancellationToken) =>
        ledger.AppendAsync(db, new LedgerDraft(
            eventType, Actor.Staff(officerUserId), SubjectId: null, ChangeSource.Web,
            Detail: $"endpoint={endpoint.Id:N};client={endpoint.ApiClientId:N}" + (detail is null ? string.Empty : ";" + detail)), cancellationToken);
}
