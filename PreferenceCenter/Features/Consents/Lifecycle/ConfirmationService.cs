using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// Double opt-in, second step: the link in the confirmation email. Reading it (GET) changes nothing; confirming
/// (POST) turns the pending consent on, starting its period, with a ledger entry by the customer in one transaction.
/// </summary>
public sealed class ConfirmationService(LinkFollower links, LedgerWriter ledger)
{
    public Task<LinkResult> CheckAsync(string? token, CultureInfo culture, CancellationToken cancellationToken = default) =>
        links.FollowAsync(token, LinkPurpose.ConfirmOptIn, culture, write: false, step => DecideAsync(step, cancellationToken), cancellationToken);

    public Task<LinkResult> ConfirmAsync(string? token, CultureInfo culture, CancellationToken cancellationToken = default) =>
        links.FollowAsync(token, LinkPurpose.ConfirmOptIn, culture, write: true, step => DecideAsync(step, cancellationToken), cancellationToken);

    private async Task<LinkResult> DecideAsync(LinkStep step, CancellationToken cancellationToken)
    {
        var consent = step.Linked?.Consent;
        if (consent is null || !(consent.State == ConsentState.PendingConfirmation || ConsentRules.IsOn(consent, step.Now)))
        {
            return step.Result(LinkOutcome.NothingToDo);
        }

        if (consent.State != ConsentState.PendingConfirmation)
        {
            return step.Result(LinkOutcome.AlreadyDone, consent.ExpiresAt);
        }

        if (step.Transaction is null)
        {
            return step.Result(LinkOutcome.Ready);
        }

        var notice = await step.Db.NoticeVersions.MaxAsync(n => n.Number, cancellationToken);
        ConsentTransition.Apply(consent, ConsentState.Granted, step.Linked!.Purpose, notice, ChangeSource.ConfirmationLink, step.Now);
        await ledger.AppendAsync(step.Db, new LedgerDraft(
            LedgerEventType.ConsentConfirmed, Actor.Customer(consent.CustomerId), consent.CustomerId, ChangeSource.ConfirmationLink,
            notice, step.Linked.Purpose.Key, consent.Channel, ConsentRules.Pending, ConsentRules.On), cancellationToken);

        // Two clicks racing: the loser's version check fails, and by then the first one has confirmed it.
        return await step.Db.TryCommitAsync(step.Transaction, cancellationToken)
            ? step.Result(LinkOutcome.Done, consent.ExpiresAt)
            : step.Result(LinkOutcome.AlreadyDone);
    }
}
