namespace PreferenceCenter.Features.Compliance;

/// <summary>
/// The ledger's head as it was emailed to the DPO: outside the database it proves nothing up to it was removed or
/// changed later; in here it tells the panel what to verify against and how long ago the last one went.
/// </summary>
public sealed class LedgerAnchorRecord
{
    public const int HashLength = 64;
    public const int AddressMaxLength = 320;

    public int Id { get; init; }
    public long Sequence { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset AnchoredAt { get; init; }
    public required string SentTo { get; init; }
}
