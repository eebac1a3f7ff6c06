namespace PreferenceCenter.Features.Privacy.Admin;

public enum ValiditySaveOutcome
{
    Saved = 1,
    Unchanged,
    OutOfBounds,
    UnknownPurpose,
    NotAllowed,
}
