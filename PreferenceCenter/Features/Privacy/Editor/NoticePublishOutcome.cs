namespace PreferenceCenter.Features.Privacy.Editor;

public enum NoticePublishOutcome
{
    Published = 1,
    NoteRequired,
    TooLong,

    /// <summary>A language's first layer fails the meter and no reason was recorded.</summary>
    ReadabilityFails,
    Conflict,
    Invalid,
    NotAllowed,
    NothingPublished,
}
