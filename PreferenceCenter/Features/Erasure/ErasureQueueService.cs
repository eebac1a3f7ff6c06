using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Erasure;

/// <summary>The privacy officer's side: the queue by due date, approve, reject with a reason the customer is told.</summary>
public sealed class ErasureQueueService(
    IDbContextFactory<AppDbContext> dbFactory, TimeProvider time, ErasureTransitions transitions, ErasureAccounts accounts, ErasureMail mail)
{
    public const int FinishedShown = 50;

    /// <summary>Open requests first, soonest due at the top; then the most recently finished ones.</summary>
    public async Task<IReadOnlyList<ErasureRequestView>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var open = await db.ErasureRequests.AsNoTracking().Where(r => ErasureRules.OpenStates.Contains(r.State))
            .OrderBy(r => r.DueAt).ThenBy(r => r.Id).ToListAsync(cancellationToken);
        var finished = await db.ErasureRequests.AsNoTracking().Where(r => !ErasureRules.OpenStates.Contains(r.State))
            .OrderByDescending(r => r.Id).Take(FinishedShown).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        return [.. open.Concat(finished).Select(r => ErasureRequestView.From(r, now))];
    }

    public async Task<ErasureRequestResult> ApproveAsync(int requestId, Actor officer, CancellationToken cancellationToken = default)
    {
        var result = await transitions.ApplyAsync(requestId, ErasureAction.Approve, officer, ChangeSource.Web, owner: null,
            (r, now) => (r.DecidedAt, r.DecidedBy) = (now, officer.Id), cancellationToken);
        if (result.Outcome == ErasureRequestOutcome.Saved && await EmailAndCultureAsync(requestId, cancellationToken) is { } to)
        {
            await mail.SendApprovedAsync(to.Email, to.Culture, result.Request!.DueAt, cancellationToken);
        }

        return result;
    }

    /// <summary>A reason is required (the customer is told it); nothing is written without one.</summary>
    public async Task<ErasureRequestResult> RejectAsync(int requestId, string? reason, Actor officer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(officer);
        if (ErasureRules.CheckReason(reason) is { } problem)
        {
            return ErasureRequestResult.Refused(problem);
        }

        var said = reason!.Trim();
        var result = await transitions.ApplyAsync(requestId, ErasureAction.Reject, officer, ChangeSource.Web, owner: null,
            (r, now) => (r.DecidedAt, r.DecidedBy, r.RejectionReason) = (now, officer.Id, said), cancellationToken);
        if (result.Outcome == ErasureRequestOutcome.Saved && await EmailAndCultureAsync(requestId, cancellationToken) is { } to)
        {
            await mail.SendRejectedAsync(to.Email, to.Culture, said, cancellationToken);
        }

        return result;
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
