namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>How often at most a customer wants to hear from us on a channel. Stored: the numbers never change.</summary>
public enum ContactFrequency
{
    AsItHappens = 1,
    WeeklyDigest = 2,
    Monthly = 3,
    NeverForMarketing = 4,
}
