namespace PreferenceCenter.Features.Ledger;

/// <summary>The outcome of checking the chain: either every entry verifies, or the first one that does not and why.</summary>
public sealed record LedgerVerification(long EntriesChecked, long? FirstBadSequence, string? Problem)
{
    public bool IsIntact => FirstBadSequence is null;
}
