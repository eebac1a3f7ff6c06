namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>What the editor opens: the version in force and the draft of the next (the published texts when none is saved yet).</summary>
public sealed record NoticeWorkspace(
    int PublishedNumber, CatalogDocument Published, CatalogDocument Draft, int Revision, DateTimeOffset? SavedAt);
