namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>"Less often" is one step down the frequency ladder; monthly (or never) has no step below.</summary>
public static class FrequencyLadder
{
    public static ContactFrequency LessOften(ContactFrequency current) => current switch
    {
        ContactFrequency.AsItHappens => ContactFrequency.WeeklyDigest,
        ContactFrequency.WeeklyDigest => ContactFrequency.Monthly,
        _ => current,
    };

    public static bool CanLower(ContactFrequency current) => LessOften(current) != current;
}
