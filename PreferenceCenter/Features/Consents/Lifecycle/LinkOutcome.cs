namespace PreferenceCenter.Features.Consents.Lifecycle;

/// <summary>What following a confirmation or renewal link found, and so which page and status code it gets.</summary>
public enum LinkOutcome
{
    /// <summary>GET: the link works; the page offers the button that does it.</summary>
    Ready = 1,

    /// <summary>POST: done just now.</summary>
    Done,

    /// <summary>Done before (a second click, a replay): nothing changed.</summary>
    AlreadyDone,

    /// <summary>The consent moved on meanwhile (withdrawn, lapsed): the link has nothing left to act on (410).</summary>
    NothingToDo,

    /// <summary>The link's time ran out (410).</summary>
    Expired,

    /// <summary>Tampered, truncated or made for something else (400).</summary>
    Invalid,
}
