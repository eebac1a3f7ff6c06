using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Features.Support;

/// <summary>
/// A change made for a customer: refused by the console's own rules (<see cref="Problem"/>), or the consent
/// service's answer (<see cref="Change"/>), which may itself be a refusal or a conflict.
/// </summary>
public sealed record OnBehalfResult(SupportProblem? Problem, ConsentChangeResult? Change)
{
    public static OnBehalfResult Refused(SupportProblem problem) => new(problem, null);

    public static OnBehalfResult From(ConsentChangeResult change) => new(null, change);
}
