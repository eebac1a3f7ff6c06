namespace PreferenceCenter.Features.Preferences;

/// <summary>What a preference change did. On <see cref="PreferenceChangeOutcome.Conflict"/> the caller re-reads the current state.</summary>
public sealed record PreferenceChangeResult(PreferenceChangeOutcome Outcome, PreferenceProblem? Problem = null, DateTimeOffset? At = null)
{
    public static PreferenceChangeResult Saved(DateTimeOffset at) => new(PreferenceChangeOutcome.Saved, At: at);

    public static PreferenceChangeResult Unchanged { get; } = new(PreferenceChangeOutcome.Unchanged);

    public static PreferenceChangeResult Conflict { get; } = new(PreferenceChangeOutcome.Conflict, PreferenceProblem.ChangedElsewhere);

    public static PreferenceChangeResult Rejected(PreferenceProblem problem) => new(PreferenceChangeOutcome.Rejected, problem);
}
