namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// The outcome of checking the chain: either every row verifies (and <see cref="Head"/> is the last one, to keep as
/// an anchor), or the first one that does not and why. <see cref="FirstBadSequence"/> is null when the fault is not
/// one entry's (the table's columns, or a database that cannot be read: <see cref="DatabaseUnreadable"/>).
/// </summary>
public sealed record LedgerVerification(
    long EntriesChecked, long? FirstBadSequence, string? Problem, LedgerAnchor? Head = null, bool DatabaseUnreadable = false)
{
    public bool IsIntact => Problem is null;
}
