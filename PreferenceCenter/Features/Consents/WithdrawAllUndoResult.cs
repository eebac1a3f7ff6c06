using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Consents;

/// <summary>What the undo did: the consents back as they were, and those left alone because they changed meanwhile.</summary>
public sealed record WithdrawAllUndoResult(
    WithdrawAllUndoOutcome Outcome,
    IReadOnlyList<(string PurposeKey, Channel Channel)> Restored,
    IReadOnlyList<(string PurposeKey, Channel Channel)> LeftAlone)
{
    public static WithdrawAllUndoResult Not(WithdrawAllUndoOutcome outcome) => new(outcome, [], []);
}
