using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Compliance;

/// <summary>The ledger verified against the latest anchor on the officer's demand; <see cref="Anchor"/> is null when none was taken yet.</summary>
public sealed record AnchorCheck(LedgerAnchorRecord? Anchor, LedgerVerification Verification);
