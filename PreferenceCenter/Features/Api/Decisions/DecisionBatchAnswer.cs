namespace PreferenceCenter.Features.Api.Decisions;

public sealed record DecisionBatchAnswer(IReadOnlyList<DecisionAnswer> Results);
