namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>One result per item sent, in the same order; nothing of the item is echoed back.</summary>
public sealed record SuppressionCheckAnswer(IReadOnlyList<SuppressionCheckResult> Results);
