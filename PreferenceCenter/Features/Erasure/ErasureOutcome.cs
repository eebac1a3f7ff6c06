namespace PreferenceCenter.Features.Erasure;

/// <summary>What an erasure action, or the executor, did. The same three answers as a consent change.</summary>
public enum ErasureOutcome
{
    /// <summary>This call wrote the step; for the executor, it finished the erasure (all steps, or the ones an interrupted call left).</summary>
    Saved = 1,

    /// <summary>Already where this call would take it: nothing was written (for the executor: already erased).</summary>
    Unchanged,

    /// <summary>Refused; <see cref="ErasureResult.Problem"/> says why and nothing was written.</summary>
    Refused,
}
