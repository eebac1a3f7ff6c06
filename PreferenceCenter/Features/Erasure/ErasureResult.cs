namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// What an erasure action did: saved (with the request as it now stands), nothing to do, or refused and why. The
/// executor works on a customer, not a request: it gives no request, but when the erasure finished.
/// </summary>
public sealed record ErasureResult(
    ErasureOutcome Outcome, ErasureRequestView? Request = null, ErasureProblem? Problem = null, DateTimeOffset? CompletedAt = null)
{
    public bool Succeeded => Outcome is not ErasureOutcome.Refused;

    /// <summary>The executor's answer for a customer no one has.</summary>
    public static ErasureResult UnknownCustomer { get; } = Refused(ErasureProblem.NotFound);

    public static ErasureResult Saved(ErasureRequestView request) => new(ErasureOutcome.Saved, request);

    public static ErasureResult Unchanged(ErasureRequestView request) => new(ErasureOutcome.Unchanged, request);

    public static ErasureResult Refused(ErasureProblem problem, ErasureRequestView? request = null) => new(ErasureOutcome.Refused, request, problem);

    /// <summary>The executor finished the erasure in this call.</summary>
    public static ErasureResult Erased(DateTimeOffset? completedAt) => new(ErasureOutcome.Saved, CompletedAt: completedAt);

    /// <summary>An earlier call had already finished it: nothing was done.</summary>
    public static ErasureResult AlreadyErased(DateTimeOffset? completedAt) => new(ErasureOutcome.Unchanged, CompletedAt: completedAt);
}
