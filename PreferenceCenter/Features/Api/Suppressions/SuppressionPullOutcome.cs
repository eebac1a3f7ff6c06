namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>An open pull, or every field that was wrong (then nothing was read).</summary>
public sealed record SuppressionPullOutcome(SuppressionPull? Pull, IDictionary<string, string[]>? Errors);
