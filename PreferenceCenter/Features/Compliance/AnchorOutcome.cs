namespace PreferenceCenter.Features.Compliance;

public enum AnchorOutcome
{
    Anchored = 1,
    NotDue,
    NoDpoAddress,
    EmptyLedger,

    /// <summary>The chain does not verify: anchoring it would vouch for a tampered ledger, so nothing is sent.</summary>
    LedgerBroken,
}
