namespace PreferenceCenter.Features.Unsubscribe;

/// <summary>What an unsubscribe-link action did: the HTTP status and page message follow from it.</summary>
public enum UnsubscribeOutcome
{
    /// <summary>Done now, or had already been done (a replay): success either way, nothing written twice.</summary>
    Done = 1,

    /// <summary>The customer or purpose no longer exists (erased, retired): there is nothing left to stop.</summary>
    Gone = 2,

    /// <summary>Another change to the same thing won the race; trying again is safe.</summary>
    Conflict = 3,

    /// <summary>"Less often" asked where we already write at most monthly (or never): nothing to lower, nothing written.</summary>
    AlreadyLeast = 4,
}
