namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// The answer to "may we contact this customer on this channel for this purpose now?".
/// <see cref="NotBefore"/> says when the answer may change on its own: the end of a pause, or when the frequency allows again.
/// </summary>
public sealed record ContactDecision(ContactDecisionReason Reason, DateTimeOffset? NotBefore = null)
{
    public bool Allowed => Reason == ContactDecisionReason.Allowed;

    public static ContactDecision Allow { get; } = new(ContactDecisionReason.Allowed);

    public static ContactDecision Deny(ContactDecisionReason reason, DateTimeOffset? notBefore = null) => new(reason, notBefore);
}
