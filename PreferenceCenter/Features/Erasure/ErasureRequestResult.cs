namespace PreferenceCenter.Features.Erasure;

/// <summary>What an erasure action did: saved (with the request as it now stands), nothing to do, or refused and why.</summary>
public sealed record ErasureRequestResult(ErasureRequestOutcome Outcome, ErasureRequestView? Request = null, ErasureProblem? Problem = null)
{
    public bool Succeeded => Outcome is not ErasureRequestOutcome.Refused;

    public static ErasureRequestResult Saved(ErasureRequestView request) => new(ErasureRequestOutcome.Saved, request);

    public static ErasureRequestResult Unchanged(ErasureRequestView request) => new(ErasureRequestOutcome.Unchanged, request);

    public static ErasureRequestResult Refused(ErasureProblem problem, ErasureRequestView? request = null) => new(ErasureRequestOutcome.Refused, request, problem);
}
