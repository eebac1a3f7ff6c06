using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// An erasure request filed for a customer: refused by the console's own rules (<see cref="Problem"/>), or the
/// erasure workflow's answer (<see cref="Erasure"/>), which may itself be a refusal (say, a request already open).
/// </summary>
public sealed record SupportErasureResult(SupportProblem? Problem, ErasureResult? Erasure)
{
    public bool Filed => Erasure?.Outcome == ErasureOutcome.Saved;

    public static SupportErasureResult Refused(SupportProblem problem) => new(problem, null);

    public static SupportErasureResult From(ErasureResult erasure) => new(null, erasure);
}
