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
}
