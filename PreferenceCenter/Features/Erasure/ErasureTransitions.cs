using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// Moves one request one step: the state machine decides, and the new state and its ledger entry commit in one
/// transaction or not at all. Every customer, officer and job action goes through here.
/// </summary>
public sealed class ErasureTransitions(IDbContextFactory<AppDbContext> dbFactory, LedgerWriter ledger, TimeProvider time)
{
    /// <param name="owner">When a customer acts: the request must be theirs (anyone else's reads as not found).</param>
    /// <param name="stamp">Records the step's own facts (when, by whom, why) on the request.</param>
    public async Task<ErasureResult> ApplyAsync(
        int requestId, ErasureAction action, Actor actor, ChangeSource source, Guid? owner,
        Action<ErasureRequest, DateTimeOffset> stamp, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(stamp);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var tx = await db.BeginWriteAsync(cancellationToken);
        var request = await db.ErasureRequests.FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null || (owner is Guid customerId && request.CustomerId != customerId))
        {
            return ErasureResult.Refused(ErasureProblem.NotFound);
        }

        var now = time.GetUtcNowToMillisecond();
        var transition = ErasureRules.Apply(request.State, action);
        if (!transition.Allowed)
        {
            var view = ErasureRequestView.From(request, now);
            return transition.AlreadyThere ? ErasureResult.Unchanged(view) : ErasureResult.Refused(transition.Problem!.Value, view);
        }

        var before = request.State;
        request.State = transition.To!.Value;
        request.Version++;
        stamp(request, now);
        await ledger.AppendAsync(db, new LedgerDraft(
            ErasureLedger.EventFor(request.State), actor, request.CustomerId, source,
            Before: ErasureLedger.Label(before), After: ErasureLedger.Label(request.State), Detail: ErasureLedger.Detail(request.Id)), cancellationToken);
        return await db.TryCommitAsync(tx, cancellationToken)
            ? ErasureResult.Saved(ErasureRequestView.From(request, now))
            : ErasureResult.Refused(ErasureProblem.ChangedElsewhere);
    }
}
