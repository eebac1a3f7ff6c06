namespace PreferenceCenter.Features.Consents;

public enum WithdrawAllUndoOutcome
{
    /// <summary>Everything that was on is back, except what changed meanwhile (listed in the result).</summary>
    Restored,

    /// <summary>No "withdraw everything" to undo: none made, or already undone.</summary>
    NothingToUndo,

    /// <summary>The undo window has passed; the customer switches things on again one by one.</summary>
    TooLate,

    /// <summary>The customer is gone or inactive, or the actor is not the customer.</summary>
    Refused,

    /// <summary>Another writer got there first; nothing was written.</summary>
    Conflict,
}
