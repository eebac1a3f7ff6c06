using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;
using PreferenceCenter.Data;
using PreferenceCenter.Infrastructure.Jobs;

namespace PreferenceCenter.Features.Messaging.Sending;

/// <summary>
/// Sends what the outbox holds, oldest first, one batch per tick under the <c>outbox</c> lease. A row is marked
/// sent only after the transport accepted the message, and saved before the next one goes, so stopping mid-batch
/// loses nothing and resends at most the one message in flight — with the same Message-Id.
/// </summary>
public sealed partial class OutboxDispatcher(
    IDbContextFactory<AppDbContext> dbFactory,
    IEmailTransport transport,
    Outbox outbox,
    IOptions<EmailOptions> email,
    IOptions<OutboxOptions> options,
    DatabaseLease lease,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger) : ScheduledJob(lease, time, logger)
{
    public const string LeaseName = "outbox";

    protected override string Name => LeaseName;

    protected override TimeSpan Interval => options.Value.PollInterval;

    protected override async Task RunBatchAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Time.GetUtcNowToMillisecond();
        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
            .Take(options.Value.BatchSize)
            .ToListAsync(cancellationToken);

        foreach (var row in due)
        {
            if (await outbox.OpenAsync(row, cancellationToken) is not { } opened)
            {
                // The customer was erased while this waited: their key is gone, and so must the mail be.
                row.FailedAt = Time.GetUtcNowToMillisecond();
                row.LastError = "The customer was erased; not sent.";
                Forget(row);
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }

            if (!await TrySendAsync(row, opened, cancellationToken))
            {
                // The relay is most likely down: the rest of the batch waits for the next tick rather than pile on.
                await db.SaveChangesAsync(CancellationToken.None);
                return;
            }

            // Saved one by one: a stop between two sends leaves every accepted message marked.
            await db.SaveChangesAsync(CancellationToken.None);
        }
    }

    private async Task<bool> TrySendAsync(OutboxMessage row, OutboxMessage opened, CancellationToken cancellationToken)
    {
        try
        {
            await transport.SendAsync(OutboxMail.ToMime(opened, email.Value), cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(row, e);
            return false;
        }

        row.SentAt = Time.GetUtcNowToMillisecond();
        row.Attempts++;
        row.LastError = null;
        // Sent mail needs no address or words kept here: only the Message-Id and the times stay, as a receipt.
        Forget(row);
        return true;
    }

    private static void Forget(OutboxMessage row) =>
        (row.To, row.Subject, row.TextBody, row.HtmlBody, row.UnsubscribeLink) = (null, null, null, null, null);

    private void Fail(OutboxMessage row, Exception e)
    {
        var now = Time.GetUtcNowToMillisecond();
        row.Attempts++;
        var error = $"{e.GetType().Name}: {e.Message}";
        row.LastError = error.Length > OutboxMessage.ErrorMaxLength ? error[..OutboxMessage.ErrorMaxLength] : error;
        if (IsPermanent(e))
        {
            row.FailedAt = now;
            LogGaveUp(logger, row.MessageId, row.LastError);
            return;
        }

        row.NextAttemptAt = now + OutboxBackoff.Delay(row.Attempts, options.Value.RetryBase, options.Value.RetryCap);
        LogWillRetry(logger, row.MessageId, row.Attempts, row.NextAttemptAt, row.LastError);
    }

    // A 5xx answer or an unparseable address will fail the same way every time; anything else (a refused
    // connection, a timeout, a 4xx) is the relay's passing trouble and is retried.
    private static bool IsPermanent(Exception e) =>
        e is SmtpCommandException { StatusCode: >= (SmtpStatusCode)500 } or ParseException;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {MessageId} failed (attempt {Attempts}); next try at {NextAttemptAt}: {Error}")]
    private static partial void LogWillRetry(ILogger logger, string messageId, int attempts, DateTimeOffset nextAttemptAt, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {MessageId} was refused for good and will not be retried: {Error}")]
    private static partial void LogGaveUp(ILogger logger, string messageId, string error);
}
