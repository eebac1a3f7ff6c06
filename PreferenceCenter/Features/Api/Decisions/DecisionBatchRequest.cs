namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>Up to <see cref="MaxItems"/> questions in one call; answers come back in the same order.</summary>
public sealed record DecisionBatchRequest(IReadOnlyList<DecisionRequest>? Items)
{
    public const int MaxItems = 1_000;
}
