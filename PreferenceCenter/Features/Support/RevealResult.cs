namespace PreferenceCenter.Features.Support;

/// <summary>The full value an agent asked to see (its reading already recorded), or why it was not shown.</summary>
public sealed record RevealResult(string? Value, SupportProblem? Problem)
{
    public static RevealResult Shown(string value) => new(value, null);

    public static RevealResult Refused(SupportProblem problem) => new(null, problem);
}
