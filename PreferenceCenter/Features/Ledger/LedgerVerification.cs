namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// The outcome of checking the chain: either every entry verifies (and <see cref="Head"/> is the last one, to keep as
/// an anchor), or the first entry that does not and why.
/// </summary>
public sealed record LedgerVerification(long EntriesChecked, long? FirstBadSequence, string? Problem, LedgerAnchor? Head = null)
{
    public bool IsIntact => FirstBadSequence is null;
}
