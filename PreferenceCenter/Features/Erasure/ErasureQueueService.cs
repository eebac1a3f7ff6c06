using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The privacy officer's side: the queue by due date, approve, reject with a reason the customer is told, run an
/// approved request now. Every method checks the PrivacyOfficer policy itself, not only the page: support staff may
/// file a request for a customer, but deciding and executing it stays with the officer.
/// </summary>
public sealed class ErasureQueueService(
    IAuthorizationService authorization, IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ErasureTransitions transitions,
    ErasureRunner runner, ErasureAccounts accounts, ErasureMail mail)
{
    public const int FinishedShown = 50;

    /// <summary>Open requests first, soonest due at the top; then the most recently finished ones.</summary>
    public async Task<IReadOnlyList<ErasureRequestView>> ListAsync(ClaimsPrincipal officer, CancellationToken cancellationToken = default)
    {
        await DemandOfficerAsync(officer);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.ErasureRequests.AsNoTracking().Where(r => ErasureRules.OpenStates.Contains(r.State))
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var finished = await db.ErasureRequests.AsNoTracking().Where(r => !ErasureRules.OpenStates.Contains(r.State))
            .OrderByDescending(r => r.Id).Take(FinishedShown).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. open.Concat(finished).Select(r => ErasureRequestView.From(r, now))];
    }

    public async Task<ErasureResult> ApproveAsync(ClaimsPrincipal officer, int requestId, CancellationToken cancellationToken = default)
    {
        var actor = await DemandOfficerAsync(officer);
        var result = await transitions.ApplyAsync(requestId, ErasureAction.Approve, actor, ChangeSource.Web, owner: null,
            (r, now) => (r.DecidedAt, r.DecidedBy) = (now, actor.Id), cancellationToken);
        if (result.Outcome == ErasureOutcome.Saved && await EmailAndCultureAsync(requestId, cancellationToken) is { } to)
        {
            await mail.SendApprovedAsync(to.Email, to.Culture, result.Request!.DueAt, cancellationToken);
        }

        return result;
    }

    /// <summary>A reason is required (the customer is told it); nothing is written without one.</summary>
    public async Task<ErasureResult> RejectAsync(ClaimsPrincipal officer, int requestId, string? reason, CancellationToken cancellationToken = default)
    {
        var actor = await DemandOfficerAsync(officer);
        if (ErasureRules.CheckReason(reason) is { } problem)
        {
            return ErasureResult.Refused(problem);
        }

        var said = reason!.Trim();
        var result = await transitions.ApplyAsync(requestId, ErasureAction.Reject, actor, ChangeSource.Web, owner: null,
            (r, now) => (r.DecidedAt, r.DecidedBy, r.RejectionReason) = (now, actor.Id, said), cancellationToken);
        if (result.Outcome == ErasureOutcome.Saved && await EmailAndCultureAsync(requestId, cancellationToken) is { } to)
        {
            await mail.SendRejectedAsync(to.Email, to.Culture, said, cancellationToken);
        }

        return result;
    }

    /// <summary>The officer's "run now": the job's own runner, with the officer as actor.</summary>
    public async Task<ErasureResult> RunNowAsync(ClaimsPrincipal officer, int requestId, CancellationToken cancellationToken = default) =>
        await runner.RunAsync(requestId, await DemandOfficerAsync(officer), cancellationToken);

    private async Task<Actor> DemandOfficerAsync(ClaimsPrincipal officer)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (!(await authorization.AuthorizeAsync(officer, Policies.PrivacyOfficer)).Succeeded)
        {
            throw new UnauthorizedAccessException("Only privacy officers may decide or run erasure requests.");
        }

        return Actor.Staff(officer.GetUserId());
    }

    private async Task<(string Email, string Culture)?> EmailAndCultureAsync(int requestId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ErasureRequests.AsNoTracking().Where(r => r.Id == requestId)
            .Select(r => new { r.CustomerId, r.Culture }).FirstAsync(cancellationToken);
        var email = await accounts.EmailOfAsync(request.CustomerId, cancellationToken);
        return email is null ? null : (email, request.Culture);
    }
}
