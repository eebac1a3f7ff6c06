namespace PreferenceCenter.Features.Lifecycle;

public enum ValiditySaveOutcome
{
    Saved = 1,
    Unchanged,
    OutOfBounds,
    UnknownPurpose,
    NotAllowed,
}
