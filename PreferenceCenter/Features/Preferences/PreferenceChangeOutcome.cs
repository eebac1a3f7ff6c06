namespace PreferenceCenter.Features.Preferences;

public enum PreferenceChangeOutcome
{
    Saved,
    Unchanged,
    Conflict,
    Rejected,
}
