namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>The answers, or every field that was wrong (then nothing was decided or recorded).</summary>
public sealed record DecisionOutcome(IReadOnlyList<DecisionAnswer>? Answers, IDictionary<string, string[]>? Errors)
{
    public bool IsValid => Errors is null;
}
