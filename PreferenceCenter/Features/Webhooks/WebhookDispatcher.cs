using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// Makes deliveries from the ledger (<see cref="WebhookFanOut"/>), then sends, under the <c>webhooks</c> lease so two
/// instances never send at once. Only the oldest unsettled delivery of each customer and endpoint is ever sent, so a
/// failing event holds back that customer's later events to that endpoint (and no one else's). A delivery is marked
/// only after its answer, so a stop mid-send resends it later with the same <c>webhook-id</c>: at least once.
/// </summary>
public sealed partial class WebhookDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    WebhookFanOut fanOut,
    WebhookSender sender,
    LedgerWriter ledger,
    IOptions<WebhookOptions> options,
    DatabaseLease lease,
    TimeProvider time,
    ILogger<WebhookDispatcher> logger) : ScheduledJob(lease, time, logger)
{
    public const string LeaseName = "webhooks";
    public const string ActorName = "webhook-dispatcher";

    protected override string Name => LeaseName;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        await fanOut.RunAsync(cancellationToken);
        var settings = options.Value;
        // Real time, not the injected clock: this bounds the batch inside its lease, whatever the clock says.
        var started = Stopwatch.StartNew();
        var sent = 0;
        while (sent < settings.BatchSize && started.Elapsed < LeaseDuration / 2)
        {
            var due = await DueAsync(settings.BatchSize - sent, cancellationToken);
            if (due.Count == 0)
            {
                return;
            }

            await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism, CancellationToken = cancellationToken },
                async (item, token) => await DeliverAsync(item.Endpoint, item.Delivery, token));
            sent += due.Count;
        }
    }

    /// <summary>The head of each (endpoint, customer) line, when it is due and its endpoint still listens.</summary>
    private async Task<List<(WebhookEndpoint Endpoint, WebhookDelivery Delivery)>> DueAsync(int limit, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Time.GetUtcNowToMillisecond();
        var pending = db.WebhookDeliveries.Where(d => d.AcknowledgedAt == null && d.DeadLetteredAt == null);
        var heads = await pending
            .Where(d => !pending.Any(o => o.EndpointId == d.EndpointId && o.CustomerId == d.CustomerId && o.Id < d.Id))
            .Where(d => d.NextAttemptAt <= now)
            .Join(db.WebhookEndpoints.Where(e => e.DisabledAt == null && e.RemovedAt == null), d => d.EndpointId, e => e.Id, (d, e) => new { d, e })
            .Join(db.ApiClients.Where(c => c.RevokedAt == null), x => x.e.ApiClientId, c => c.Id, (x, c) => x)
            .OrderBy(x => x.d.NextAttemptAt).ThenBy(x => x.d.Id)
            .Take(limit)
            .AsNoTracking()
            .ToListAsync(cancellationToken);
        return [.. heads.Select(x => (x.e, x.d))];
    }

    private async Task DeliverAsync(WebhookEndpoint endpoint, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        var attempt = await sender.SendAsync(endpoint, delivery, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        db.WebhookDeliveries.Attach(delivery);
        var now = Time.GetUtcNowToMillisecond();
        delivery.Attempts++;
        delivery.LastAttemptAt = now;
        delivery.LastStatusCode = attempt.StatusCode;
        var error = attempt.Error ?? (attempt.Acknowledged ? null : $"HTTP {attempt.StatusCode}");
        delivery.LastError = error is { Length: > WebhookDelivery.ErrorMaxLength } ? error[..WebhookDelivery.ErrorMaxLength] : error;
        if (attempt.Acknowledged)
        {
            delivery.AcknowledgedAt = now;
        }
        else if (attempt.Gone)
        {
            await DisableAsync(db, endpoint, now);
            LogGone(logger, endpoint.Id, endpoint.Url);
        }
        else if (now - delivery.TryingSince >= options.Value.DeadLetterAfter)
        {
            delivery.DeadLetteredAt = now;
            LogDeadLetter(logger, delivery.MessageId, endpoint.Id, delivery.Attempts, delivery.LastError ?? string.Empty);
        }
        else
        {
            var backoff = OutboxBackoff.Delay(delivery.Attempts, options.Value.RetryBase, options.Value.RetryCap);
            delivery.NextAttemptAt = now + (attempt.RetryAfter > backoff ? attempt.RetryAfter.Value : backoff);
            LogWillRetry(logger, delivery.MessageId, endpoint.Id, delivery.Attempts, delivery.NextAttemptAt, delivery.LastError ?? string.Empty);
        }

        await db.SaveChangesAsync(CancellationToken.None);
    }

    // The endpoint and its ledger entry in one transaction with the attempt; only the first 410 writes an entry.
    private async Task DisableAsync(AppDbContext db, WebhookEndpoint endpoint, DateTimeOffset now)
    {
        await using var tx = await db.BeginWriteAsync(CancellationToken.None);
        var disabled = await db.WebhookEndpoints.Where(e => e.Id == endpoint.Id && e.DisabledAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.DisabledAt, now), CancellationToken.None);
        if (disabled == 1)
        {
            await ledger.AppendAsync(db, new LedgerDraft(
                LedgerEventType.WebhookEndpointDisabled, Actor.System(ActorName), SubjectId: null, ChangeSource.System,
                Detail: $"endpoint={endpoint.Id:N};client={endpoint.ApiClientId:N};status=410"), CancellationToken.None);
        }

        await db.SaveChangesAsync(CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {MessageId} to endpoint {EndpointId} failed (attempt {Attempts}); next try at {NextAttemptAt}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, string messageId, Guid endpointId, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Webhook {MessageId} to endpoint {EndpointId} is a dead letter after {Attempts} attempts: {Error}")]
    private static partial void LogDeadLetter(ILogger logger, string messageId, Guid endpointId, int attempts, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook endpoint {EndpointId} ({Url}) answered 410 Gone and is disabled.")]
    private static partial void LogGone(ILogger logger, Guid endpointId, string url);
}
