namespace PreferenceCenter.Features.Erasure;

/// <summary>How far one customer's erasure got: updated in the same transaction as each step's ledger entry.</summary>
public sealed class ErasureProgress
{
    public Guid CustomerId { get; init; }
    public ErasureStep LastCompletedStep { get; set; }
    public DateTimeOffset StartedAt { get; init; }
    public DateTimeOffset? CompletedAt { get; set; }
}
