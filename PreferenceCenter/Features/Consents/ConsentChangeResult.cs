namespace PreferenceCenter.Features.Consents;

/// <summary>
/// What happened to a change. <see cref="Current"/> is the state now in the store (for a conflict: the newer
/// state the requester had not seen); <see cref="Message"/> says specifically why a change was refused.
/// </summary>
public sealed record ConsentChangeResult(ConsentChangeOutcome Outcome, ConsentCell? Current, ConsentProblem? Problem, string? Message)
{
    public bool Succeeded => Outcome is ConsentChangeOutcome.Saved or ConsentChangeOutcome.Unchanged;

    public static ConsentChangeResult Saved(ConsentCell current) => new(ConsentChangeOutcome.Saved, current, null, null);

    public static ConsentChangeResult Unchanged(ConsentCell current) => new(ConsentChangeOutcome.Unchanged, current, null, null);

    public static ConsentChangeResult Rejected(ConsentProblem problem, string message) =>
        new(ConsentChangeOutcome.Rejected, null, problem, message);

    public static ConsentChangeResult Conflict(ConsentCell current, string message) =>
        new(ConsentChangeOutcome.Conflict, current, ConsentProblem.ChangedElsewhere, message);
}
