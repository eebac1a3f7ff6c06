namespace PreferenceCenter.Features.Ledger;

/// <summary>The last entry of the chain: the next entry takes the following sequence and links to this hash.</summary>
public sealed record ChainTail(long Sequence, string Hash);
