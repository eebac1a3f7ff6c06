namespace PreferenceCenter.Features.Erasure;

/// <summary>The outcome of an erasure and when it completed (null for an unknown customer).</summary>
public sealed record ErasureResult(ErasureOutcome Outcome, DateTimeOffset? CompletedAt)
{
    public static ErasureResult UnknownCustomer { get; } = new(ErasureOutcome.UnknownCustomer, null);
}
