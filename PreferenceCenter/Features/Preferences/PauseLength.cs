namespace PreferenceCenter.Features.Preferences;

public enum PauseLength
{
    OneWeek = 1,
    OneMonth,
    ThreeMonths,
    UntilDate,
}
