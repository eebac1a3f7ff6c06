using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Compliance;

/// <summary>
/// Takes the ledger's head out of the database once a day: verifies the chain (against the previous anchor too),
/// emails the head to the DPO, then records it. Sent before recorded, so a record always means "the DPO has it"; a
/// failed send is tried again on the next check.
/// </summary>
public sealed partial class LedgerAnchorService(
    IDbContextFactory<AppDbContext> dbFactory, LedgerVerifier verifier, IEmailTransport transport, MailComposer composer,
    IStringLocalizer<SharedResource> text, IOptions<ComplianceOptions> options, TimeProvider time, ILogger<LedgerAnchorService> logger)
{
    public async Task<AnchorOutcome> AnchorIfDueAsync(CancellationToken cancellationToken = default)
    {
        if (options.Value.DpoAddress is not { Length: > 0 } dpo)
        {
            return AnchorOutcome.NoDpoAddress;
        }

        var latest = await LatestAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        if (latest is not null && now - latest.AnchoredAt < options.Value.AnchorEvery)
        {
            return AnchorOutcome.NotDue;
        }

        var verification = await verifier.VerifyAsync(Of(latest), cancellationToken);
        if (!verification.IsIntact)
        {
            LogLedgerBroken(logger, verification.FirstBadSequence, verification.Problem);
            return AnchorOutcome.LedgerBroken;
        }

        if (verification.Head is not { } head)
        {
            return AnchorOutcome.EmptyLedger;
        }

        await transport.SendAsync(MailComposer.InLanguage(CultureInfo.GetCultureInfo(options.Value.DpoLanguage), c => composer.Compose(
            dpo, text["Compliance.Anchor.Email.Subject", head.Sequence], text["Compliance.Anchor.Email.Intro", head.ToString(), head.Sequence,
                Components.Common.TimeFormat.DateAndTime(now, c)])), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.LedgerAnchors.Add(new LedgerAnchorRecord { Sequence = head.Sequence, Hash = head.Hash, AnchoredAt = now, SentTo = dpo });
        await db.SaveChangesAsync(cancellationToken);
        return AnchorOutcome.Anchored;
    }

    /// <summary>The whole chain, and the latest anchor still in it unchanged.</summary>
    public async Task<AnchorCheck> VerifyAsync(CancellationToken cancellationToken = default)
    {
        var latest = await LatestAsync(cancellationToken);
        return new AnchorCheck(latest, await verifier.VerifyAsync(Of(latest), cancellationToken));
    }

    public async Task<LedgerAnchorRecord?> LatestAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.LedgerAnchors.AsNoTracking().OrderByDescending(a => a.AnchoredAt).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static LedgerAnchor? Of(LedgerAnchorRecord? record) => record is null ? null : new LedgerAnchor(record.Sequence, record.Hash);

    [LoggerMessage(Level = LogLevel.Error, Message = "The ledger does not verify (entry {Sequence}: {Problem}); no anchor was taken or sent.")]
    private static partial void LogLedgerBroken(ILogger logger, long? sequence, string? problem);
}
