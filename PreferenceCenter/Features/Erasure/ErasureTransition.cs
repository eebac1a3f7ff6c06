namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// The answer of <see cref="ErasureRules.Apply"/>: the state to move to, or that the request is already where the
/// action would take it (nothing to write), or the problem that refuses it.
/// </summary>
public sealed record ErasureTransition(ErasureState? To, bool AlreadyThere, ErasureProblem? Problem)
{
    public bool Allowed => To is not null;

    public static ErasureTransition Move(ErasureState to) => new(to, false, null);

    public static ErasureTransition Unchanged { get; } = new(null, true, null);

    public static ErasureTransition Refused(ErasureProblem problem) => new(null, false, problem);
}
