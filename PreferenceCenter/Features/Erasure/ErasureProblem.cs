namespace PreferenceCenter.Features.Erasure;

/// <summary>Why an erasure action was refused; each has its own message (<c>Erasure.Problem.*</c>).</summary>
public enum ErasureProblem
{
    NotFound,
    AlreadyOpen,
    WrongPassword,
    LinkNotValid,
    NotConfirmedYet,
    NotApproved,
    AlreadyDecided,
    TooLateToCancel,
    AlreadyFinished,
    ReasonRequired,
    ReasonTooLong,
    ChangedElsewhere,
    ChannelRequired,
    IdentityCheckRequired,
    TooManyAttempts,

    /// <summary>A new confirmation link was asked for a request that no longer waits for one.</summary>
    NotWaitingForConfirmation,

    /// <summary>The officer's reason holds a control character (NUL and the like): refused, as the API's fields refuse it.</summary>
    ReasonHasControlCharacter,
}
