namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>
/// The officer's draft of the next notice version, kept as a catalog file (<see cref="CatalogDocument"/>). One draft
/// per published version it edits: once that version is superseded, the draft is history and the next starts afresh.
/// </summary>
public sealed class NoticeDraft
{
    /// <summary>The note on what changed and the reason for publishing past the meter: an actor's reason in the ledger.</summary>
    public const int NoteMaxLength = Common.Actor.ReasonMaxLength;

    public int Id { get; init; }

    /// <summary>The number of the published version this draft edits.</summary>
    public int BasedOn { get; init; }
    public required string Content { get; set; }

    /// <summary>Goes up by one on every save: the concurrency token that stops one officer's save overwriting another's.</summary>
    public int Revision { get; set; }
    public DateTimeOffset SavedAt { get; set; }

    /// <summary>The saving officer's user id.</summary>
    public required string SavedBy { get; set; }

    /// <summary>The version this draft became, once published; a published draft is no longer edited.</summary>
    public int? PublishedAs { get; set; }
}
