using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Unsubscribe;

public static class UnsubscribeRules
{
    public static readonly TimeSpan PauseLength = TimeSpan.FromDays(91);

    /// <summary>"Less often" is one step down the frequency ladder (<see cref="FrequencyLadder"/>, shared with the feedback offer).</summary>
    public static ContactFrequency LessOften(ContactFrequency current) => FrequencyLadder.LessOften(current);

    public static bool CanLower(ContactFrequency current) => FrequencyLadder.CanLower(current);

    /// <summary>The key a leaving reason is recorded under in the ledger's Detail, e.g. <c>never-signed-up</c>.</summary>
    public static string Key(LeavingReason reason) => reason switch
    {
        LeavingReason.TooOften => "too-often",
        LeavingReason.NotRelevant => "not-relevant",
        LeavingReason.NeverSignedUp => "never-signed-up",
        LeavingReason.Other => "other",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };
}
