using System.Globalization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;

namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>
/// The renew link of a reminder. Reading it (GET) changes nothing; renewing (POST) restarts the consent's period
/// under the notice in force, with a ledger entry by the customer. A consent renewed already is left alone, so a
/// second click or a replayed link changes nothing.
/// </summary>
public sealed class RenewalService(LinkFollower links, LedgerWriter ledger, IOptions<LifecycleOptions> options)
{
    public Task<LinkResult> CheckAsync(string? token, CultureInfo culture, CancellationToken cancellationToken = default) =>
        links.FollowAsync(token, LinkPurpose.Renew, culture, write: false, step => DecideAsync(step, cancellationToken), cancellationToken);

    public Task<LinkResult> RenewAsync(string? token, CultureInfo culture, CancellationToken cancellationToken = default) =>
        links.FollowAsync(token, LinkPurpose.Renew, culture, write: true, step => DecideAsync(step, cancellationToken), cancellationToken);

    private async Task<LinkResult> DecideAsync(LinkStep step, CancellationToken cancellationToken)
    {
        var consent = step.Linked?.Consent;
        if (consent is null || !ConsentRules.IsOn(consent, step.Now))
        {
            return step.Result(LinkOutcome.NothingToDo);
        }

        if (!RenewalRules.IsDue(consent, step.Now, options.Value.ReminderLead))
        {
            return step.Result(LinkOutcome.AlreadyDone, consent.ExpiresAt);
        }

        if (step.Transaction is null)
        {
            return step.Result(LinkOutcome.Ready, consent.ExpiresAt);
        }

        await ConsentRenewal.RenewAsync(step.Db, ledger, step.Linked!, Actor.Customer(consent.CustomerId), ChangeSource.RenewalLink, step.Now, cancellationToken);
        return await step.Db.TryCommitAsync(step.Transaction, cancellationToken)
            ? step.Result(LinkOutcome.Done, consent.ExpiresAt)
            : step.Result(LinkOutcome.AlreadyDone);
    }
}
