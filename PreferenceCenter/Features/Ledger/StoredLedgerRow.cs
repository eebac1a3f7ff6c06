namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// One row of the ledger as stored: its sequence (null if even that is not an integer), the entry parsed from it and
/// its stored hash, or the first column that is not in the writer's form.
/// </summary>
internal sealed record StoredLedgerRow(long? Sequence, LedgerEntry? Entry, string Hash, string? Problem);
