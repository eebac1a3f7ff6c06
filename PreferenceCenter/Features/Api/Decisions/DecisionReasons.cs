using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary>
/// The API's reason codes: snake_case words that never change meaning (senders branch on them). The decision itself is
/// <see cref="ContactDecisionRules"/>'s; this only names it.
/// </summary>
public static class DecisionReasons
{
    public const string Allowed = "allowed";
    public const string NoConsent = "no_consent";
    public const string ConsentExpired = "consent_expired";
    public const string AwaitingConfirmation = "awaiting_confirmation";
    public const string Paused = "paused";
    public const string ContactLimitReached = "contact_limit_reached";
    public const string NeverForMarketing = "never_for_marketing";
    public const string Suppressed = "suppressed_after_erasure";
    public const string UnknownSubject = "unknown_subject";
    public const string NotOfferedOnChannel = "not_offered_on_channel";

    public static string Of(ContactDecisionReason reason) => reason switch
    {
        ContactDecisionReason.Allowed => Allowed,
        ContactDecisionReason.NoConsent => NoConsent,
        ContactDecisionReason.ConsentExpired => ConsentExpired,
        ContactDecisionReason.PendingConfirmation => AwaitingConfirmation,
        ContactDecisionReason.Paused => Paused,
        ContactDecisionReason.FrequencyLimit => ContactLimitReached,
        ContactDecisionReason.NeverForMarketing => NeverForMarketing,
        // An erased customer keeps only a pseudonymous row; their address only a fingerprint. Both: never again.
        ContactDecisionReason.CustomerNotActive or ContactDecisionReason.Suppressed => Suppressed,
        ContactDecisionReason.UnknownCustomer => UnknownSubject,
        ContactDecisionReason.NotOfferedOnChannel => NotOfferedOnChannel,
        // Unknown purposes and channels are refused as bad input (400) before anything is decided.
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, "Not a decision the API gives."),
    };
}
