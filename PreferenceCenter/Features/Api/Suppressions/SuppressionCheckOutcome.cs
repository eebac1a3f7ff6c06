namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>The answer, or every field that was wrong (then nothing was looked up).</summary>
public sealed record SuppressionCheckOutcome(SuppressionCheckAnswer? Answer, IDictionary<string, string[]>? Errors);
