namespace PreferenceCenter.Features.Import;

/// <summary>Where an import stands. Stored: the numbers never change.</summary>
public enum ImportRunState
{
    Queued = 1,
    Running = 2,
    Completed = 3,
}
