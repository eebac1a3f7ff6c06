using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Infrastructure.RateLimiting;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The customer's side of "forget me": ask (password again), confirm by the emailed link, see the status, cancel
/// until the erasure starts. Support staff may file the request for the customer (<see cref="FileOnBehalfAsync"/>);
/// it then follows the same steps, so approving and executing stay with the privacy officer.
/// </summary>
public sealed class ErasureRequestService(
    IDbContextFactory<AppDbContext> dbFactory,
    LedgerWriter ledger,
    TimeProvider time,
    IOptions<ErasureOptions> options,
    ErasureRequestReader reader,
    ErasureTransitions transitions,
    ErasureLinks links,
    ErasureAccounts accounts,
    ErasureMail mail,
    RequestLimiters limiters)
{
    /// <summary>The customer's requests, newest first.</summary>
    public Task<IReadOnlyList<ErasureRequestView>> ListAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        reader.ListAsync(customerId, cancellationToken);

    /// <summary>
    /// Records the request after the password checks out, then emails the confirmation link to the sign-in address.
    /// A wrong password writes nothing. A few requests an hour per customer at most: the page runs in a live circuit,
    /// out of reach of the per-request limiter, and each try checks a password and may send a mail.
    /// </summary>
    /// <param name="confirmPage">The absolute address of the confirmation page; the token is added to it.</param>
    public async Task<ErasureResult> RequestAsync(Guid customerId, string? password, string culture, Uri confirmPage, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(culture);
        ArgumentNullException.ThrowIfNull(confirmPage);
        using var permit = limiters.AcquireForTarget(RequestLimit.ErasureRequest, customerId.ToString());
        if (!permit.IsAcquired)
        {
            return ErasureResult.Refused(ErasureProblem.TooManyAttempts);
        }

        if (!await accounts.CheckPasswordAsync(customerId, password, cancellationToken))
        {
            return ErasureResult.Refused(ErasureProblem.WrongPassword);
        }

        var email = await accounts.EmailOfAsync(customerId, cancellationToken);
        if (email is null)
        {
            return ErasureResult.Refused(ErasureProblem.NotFound);
        }

        var created = await CreateAsync(customerId, culture, Actor.Customer(customerId), ChangeSource.Web, cancellationToken);
        if (created.Outcome == ErasureOutcome.Saved)
        {
            var link = ConfirmLink(confirmPage, created.Request!.Id, customerId);
            await mail.SendConfirmationAsync(email, culture, link, created.Request.DueAt, options.Value.ConfirmationLinkHours, cancellationToken);
        }

        return created;
    }

    /// <summary>
    /// Files the request for a customer who asked support (by phone, email, letter or in person): the ledger names the
    /// agent as actor, with the request channel and the reason, which says how the agent checked who the caller was.
    /// The request still starts unconfirmed and the customer gets the confirmation link at their sign-in address.
    /// An agent's identity check over the phone is weaker than control of that mailbox, an erasure cannot be undone,
    /// and an impostor who talked an agent round must not be able to erase someone: the click costs the real customer
    /// one step, and the same email tells them a request was filed in their name.
    /// </summary>
    /// <param name="staff">The agent, with the reason and request channel (<see cref="Actor.Staff"/>); both are required.</param>
    public async Task<ErasureResult> FileOnBehalfAsync(Guid customerId, Actor staff, Uri confirmPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(staff);
        ArgumentNullException.ThrowIfNull(confirmPage);
        if (staff.Kind != ActorKind.Staff)
        {
            throw new ArgumentException("Only staff file a request on a customer's behalf.", nameof(staff));
        }

        if (ErasureRules.CheckOnBehalf(staff) is { } problem)
        {
            return ErasureResult.Refused(problem);
        }

        var email = await accounts.EmailOfAsync(customerId, cancellationToken);
        if (email is null)
        {
            return ErasureResult.Refused(ErasureProblem.NotFound);
        }

        var culture = await MailRecipient.LanguageAsync(dbFactory, customerId, cancellationToken);
        var created = await CreateAsync(customerId, culture, staff, ChangeSource.Support, cancellationToken);
        if (created.Outcome == ErasureOutcome.Saved)
        {
            var link = ConfirmLink(confirmPage, created.Request!.Id, customerId);
            await mail.SendFiledOnBehalfAsync(email, culture, link, created.Request.RequestedAt, created.Request.DueAt, options.Value.ConfirmationLinkHours, cancellationToken);
        }

        return created;
    }

    /// <summary>The emailed link: a valid, unexpired token for an open request verifies it; anything else changes nothing.</summary>
    public async Task<ErasureResult> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (links.Read(token) is not { } ids)
        {
            return ErasureResult.Refused(ErasureProblem.LinkNotValid);
        }

        return await transitions.ApplyAsync(
            ids.RequestId, ErasureAction.Verify, Actor.Customer(ids.CustomerId), ChangeSource.EmailLink, ids.CustomerId,
            (r, now) => r.VerifiedAt = now, cancellationToken);
    }

    /// <summary>
    /// A new confirmation link for a request still waiting for it (typically after the first lapsed), to the sign-in
    /// address, in the language of the request. Limited like asking (a few an hour per customer), and recorded
    /// (<see cref="LedgerEventType.ErasureLinkResent"/>), which restarts the link's clock; the mail goes after commit.
    /// </summary>
    public async Task<ErasureResult> ResendLinkAsync(Guid customerId, int requestId, Uri confirmPage, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(confirmPage);
        using var permit = limiters.AcquireForTarget(RequestLimit.ErasureRequest, customerId.ToString());
        if (!permit.IsAcquired)
        {
            return ErasureResult.Refused(ErasureProblem.TooManyAttempts);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var request = await db.ErasureRequests.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == requestId && r.CustomerId == customerId, cancellationToken);
        if (request is null || await accounts.EmailOfAsync(customerId, cancellationToken) is not { } email)
        {
            return ErasureResult.Refused(ErasureProblem.NotFound);
        }

        var now = time.GetUtcNowToMillisecond();
        if (request.State != ErasureState.Requested)
        {
            return ErasureResult.Refused(ErasureProblem.NotWaitingForConfirmation, ErasureRequestView.From(request, now));
        }

        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ErasureLinkResent, Actor.Customer(customerId), customerId, ChangeSource.Web,
            Detail: ErasureLedger.Detail(request.Id)), cancellationToken);
        if (!await db.TryCommitAsync(tx, cancellationToken))
        {
            return ErasureResult.Refused(ErasureProblem.ChangedElsewhere);
        }

        await mail.SendConfirmationAsync(email, request.Culture, ConfirmLink(confirmPage, request.Id, customerId), request.DueAt,
            options.Value.ConfirmationLinkHours, cancellationToken);
        return ErasureResult.Saved(ErasureRequestView.From(request, now, now, options.Value.ConfirmationLinkHours));
    }

    public Task<ErasureResult> CancelAsync(Guid customerId, int requestId, CancellationToken cancellationToken = default) =>
        transitions.ApplyAsync(
            requestId, ErasureAction.Cancel, Actor.Customer(customerId), ChangeSource.Web, customerId,
            (r, now) => r.CancelledAt = now, cancellationToken);

    private Uri ConfirmLink(Uri confirmPage, int requestId, Guid customerId) =>
        new(confirmPage + "?token=" + Uri.EscapeDataString(links.Issue(requestId, customerId)));

    private async Task<ErasureResult> CreateAsync(Guid customerId, string culture, Actor actor, ChangeSource source, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var now = time.GetUtcNowToMillisecond();
        if (!await db.Customers.AnyAsync(c => c.Id == customerId && c.Status == CustomerStatus.Active, cancellationToken))
        {
            return ErasureResult.Refused(ErasureProblem.NotFound);
        }

        var open = await db.ErasureRequests.AsNoTracking()
            .Where(r => r.CustomerId == customerId && ErasureRules.OpenStates.Contains(r.State))
            .FirstOrDefaultAsync(cancellationToken);
        if (open is not null)
        {
            return ErasureResult.Refused(ErasureProblem.AlreadyOpen, ErasureRequestView.From(open, now));
        }

        var request = new ErasureRequest
        {
            CustomerId = customerId,
            RequestedAt = now,
            DueAt = ErasureRules.DueAt(now, options.Value.DeadlineMonths),
            Culture = culture,
        };
        db.ErasureRequests.Add(request);
        // The entry needs the request's id: save once inside the transaction, then append and save again.
        await db.SaveChangesAsync(cancellationToken);
        await ledger.AppendAsync(db, new LedgerDraft(
            LedgerEventType.ErasureRequested, actor, customerId, source,
            After: ErasureLedger.Label(ErasureState.Requested), Detail: ErasureLedger.Detail(request.Id)), cancellationToken);
        return await db.TryCommitAsync(tx, cancellationToken)
            ? ErasureResult.Saved(ErasureRequestView.From(request, now))
            : ErasureResult.Refused(ErasureProblem.ChangedElsewhere);
    }
}
