namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>Why we may, or may not, contact a customer. Callers show or log it; only <see cref="Allowed"/> allows.</summary>
public enum ContactDecisionReason
{
    Allowed = 0,
    UnknownCustomer,
    CustomerNotActive,
    UnknownPurpose,
    UnknownChannel,
    NotOfferedOnChannel,
    NoConsent,
    ConsentExpired,
    Paused,
    NeverForMarketing,
    FrequencyLimit,

    /// <summary>The consent was asked for and waits for the customer's double opt-in confirmation.</summary>
    PendingConfirmation,

    /// <summary>No customer has this address now, but an erased one had it: never to be contacted again.</summary>
    Suppressed,
}
