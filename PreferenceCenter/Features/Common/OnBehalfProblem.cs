namespace PreferenceCenter.Features.Common;

/// <summary>
/// What is wrong with the grounds staff give for acting for a customer. Each feature says it in its own words
/// (<c>SupportProblem</c>, <c>ErasureProblem</c>); the rule itself is <see cref="OnBehalfRules"/>.
/// </summary>
public enum OnBehalfProblem
{
    MissingChannel = 1,
    UnknownChannel,
    MissingReason,
    ReasonTooLong,

    /// <summary>A control character (NUL above all) in the reason: the ledger keeps it with the actor, as typed.</summary>
    ReasonHasControlCharacter,
}
