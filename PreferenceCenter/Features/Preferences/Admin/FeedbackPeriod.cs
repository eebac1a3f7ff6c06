namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>The periods the officer can read feedback over.</summary>
public enum FeedbackPeriod
{
    Last30Days,
    Last90Days,
    Last12Months,
}
