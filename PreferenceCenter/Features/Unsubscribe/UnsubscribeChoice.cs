namespace PreferenceCenter.Features.Unsubscribe;

/// <summary>What the page an unsubscribe link opens offers, gentlest first. The names are the form values.</summary>
public enum UnsubscribeChoice
{
    LessOften = 1,
    Pause = 2,
    Unsubscribe = 3,
    Everything = 4,
}
