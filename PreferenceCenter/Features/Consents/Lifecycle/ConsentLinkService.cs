using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Follows the two emailed consent links the same way: the double opt-in's confirmation (<see cref="LinkPurpose.ConfirmOptIn"/>)
/// and the reminder's renewal (<see cref="LinkPurpose.Renew"/>). A refused token stops before anything is opened.
/// Checking (GET) changes nothing, since mail scanners follow links; applying (POST) holds the write transaction from
/// before the read, so what it decides on is what it changes, and records it in the ledger by the customer. Only
/// what each link acts on and what it does differ, in the small per-purpose steps at the bottom.
/// </summary>
public sealed class ConsentLinkService(
    IDbContextFactory<AppDbContext> dbFactory, LinkTokens tokens, LedgerWriter ledger, IOptions<LifecycleOptions> options, TimeProvider time)
{
    public Task<LinkResult> CheckAsync(LinkPurpose purpose, string? token, CultureInfo culture, CancellationToken cancellationToken = default) =>
        FollowAsync(purpose, token, culture, write: false, cancellationToken);

    public Task<LinkResult> ApplyAsync(LinkPurpose purpose, string? token, CultureInfo culture, CancellationToken cancellationToken = default) =>
        FollowAsync(purpose, token, culture, write: true, cancellationToken);

    private async Task<LinkResult> FollowAsync(LinkPurpose purpose, string? token, CultureInfo culture, bool write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(culture);
        if (purpose is not (LinkPurpose.ConfirmOptIn or LinkPurpose.Renew))
        {
            throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "Only confirmation and renewal links act on a consent here.");
        }

        var read = tokens.TryRead(token, purpose);
        if (!read.Succeeded)
        {
            return LinkedConsent.Refused(read.Failure!.Value);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = write ? await db.BeginWriteAsync(cancellationToken) : null;
        var linked = await LinkedConsent.LoadAsync(db, read.Token, cancellationToken);
        var title = await PurposeTitles.TitleAsync(db, culture.TwoLetterISOLanguageName, read.Token.PurposeKey, cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        LinkResult Result(LinkOutcome outcome, DateTimeOffset? validUntil = null) => new(outcome, title, read.Token.Channel, validUntil);

        var consent = linked?.Consent;
        if (consent is null || !ActsOn(purpose, consent, now))
        {
            return Result(LinkOutcome.NothingToDo);
        }

        if (!IsWaiting(purpose, consent, now))
        {
            return Result(LinkOutcome.AlreadyDone, consent.ExpiresAt);
        }

        if (tx is null)
        {
            // A renewal shows the end it would move; a consent waiting for confirmation has no period yet.
            return Result(LinkOutcome.Ready, purpose == LinkPurpose.Renew ? consent.ExpiresAt : null);
        }

        await DoAsync(purpose, db, linked!, now, cancellationToken);

        // Two clicks racing: the loser's version check fails, and by then the first one has done it.
        return await db.TryCommitAsync(tx, cancellationToken)
            ? Result(LinkOutcome.Done, consent.ExpiresAt)
            : Result(LinkOutcome.AlreadyDone);
    }

    /// <summary>Whether the link still has a consent to speak of; otherwise it moved on (withdrawn, lapsed) and there is nothing to do.</summary>
    private static bool ActsOn(LinkPurpose purpose, Consent consent, DateTimeOffset now) =>
        ConsentRules.IsOn(consent, now) || (purpose == LinkPurpose.ConfirmOptIn && consent.State == ConsentState.PendingConfirmation);

    /// <summary>Whether the link's action is still to be done: not yet confirmed, or due for renewal (so a second click changes nothing).</summary>
    private bool IsWaiting(LinkPurpose purpose, Consent consent, DateTimeOffset now) => purpose == LinkPurpose.ConfirmOptIn
        ? consent.State == ConsentState.PendingConfirmation
        : RenewalRules.IsDue(consent, now, options.Value.ReminderLead);

    /// <summary>Confirming turns the pending consent on, starting its period; renewing restarts the period under the notice in force.</summary>
    private async Task DoAsync(LinkPurpose purpose, AppDbContext db, LinkedConsent linked, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var consent = linked.Consent;
        var customer = Actor.Customer(consent.CustomerId);
        if (purpose == LinkPurpose.Renew)
        {
            await ConsentRenewal.RenewAsync(db, ledger, linked, customer, ChangeSource.RenewalLink, now, cancellationToken);
            return;
        }

        var notice = await db.NoticeVersions.MaxAsync(n => n.Number, cancellationToken);
        ConsentTransition.Apply(consent, ConsentState.Granted, linked.Purpose, notice, ChangeSource.ConfirmationLink, now);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ConsentConfirmed, customer, consent.CustomerId, ChangeSource.ConfirmationLink,
            notice, linked.Purpose.Key, consent.Channel, ConsentRules.Pending, ConsentRules.On), cancellationToken);
    }
}
