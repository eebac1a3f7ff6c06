namespace PreferenceCenter.Features.Preferences.ContactRules;

public enum PauseLength
{
    OneWeek = 1,
    OneMonth,
    ThreeMonths,
    UntilDate,
}
