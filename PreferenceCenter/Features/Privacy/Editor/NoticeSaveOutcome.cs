namespace PreferenceCenter.Features.Privacy.Editor;

public enum NoticeSaveOutcome
{
    Saved = 1,
    Unchanged,

    /// <summary>Someone saved or published since this draft was opened; nothing was written, the typed text stays on screen.</summary>
    Conflict,
    Invalid,
    NotAllowed,
    NothingPublished,
}
