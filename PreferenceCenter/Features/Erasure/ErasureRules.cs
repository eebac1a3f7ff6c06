using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Erasure;

/// <summary>The erasure request's state machine and its deadline, as pure functions.</summary>
public static class ErasureRules
{
    public const int ReasonMaxLength = 500;

    /// <summary>The longest password an account can have (the account forms' bound): the box asking for it stops there.</summary>
    public const int PasswordMaxLength = 100;

    /// <summary>
    /// requested → verified → approved → executing → completed; rejected from verified or approved; cancelled by the
    /// customer until execution starts. Repeating the step that led to the current state changes nothing.
    /// </summary>
    public static ErasureTransition Apply(ErasureState state, ErasureAction action) => (action, state) switch
    {
        (ErasureAction.Verify, ErasureState.Requested) => ErasureTransition.Move(ErasureState.Verified),
        (ErasureAction.Verify, ErasureState.Verified or ErasureState.Approved or ErasureState.Executing or ErasureState.Completed) => ErasureTransition.Unchanged,

        (ErasureAction.Approve, ErasureState.Verified) => ErasureTransition.Move(ErasureState.Approved),
        (ErasureAction.Approve, ErasureState.Approved) => ErasureTransition.Unchanged,
        (ErasureAction.Approve or ErasureAction.Reject, ErasureState.Requested) => ErasureTransition.Refused(ErasureProblem.NotConfirmedYet),

        (ErasureAction.Reject, ErasureState.Verified or ErasureState.Approved) => ErasureTransition.Move(ErasureState.Rejected),
        (ErasureAction.Reject, ErasureState.Rejected) => ErasureTransition.Unchanged,

        (ErasureAction.Cancel, ErasureState.Requested or ErasureState.Verified or ErasureState.Approved) => ErasureTransition.Move(ErasureState.Cancelled),
        (ErasureAction.Cancel, ErasureState.Cancelled) => ErasureTransition.Unchanged,
        (ErasureAction.Cancel, ErasureState.Executing or ErasureState.Completed) => ErasureTransition.Refused(ErasureProblem.TooLateToCancel),

        // A job that stopped after it began is resumed, never started twice.
        (ErasureAction.StartExecution, ErasureState.Approved) => ErasureTransition.Move(ErasureState.Executing),
        (ErasureAction.StartExecution, ErasureState.Executing) => ErasureTransition.Unchanged,
        (ErasureAction.StartExecution or ErasureAction.Complete, ErasureState.Requested or ErasureState.Verified) => ErasureTransition.Refused(ErasureProblem.NotApproved),

        (ErasureAction.Complete, ErasureState.Executing) => ErasureTransition.Move(ErasureState.Completed),
        (ErasureAction.Complete, ErasureState.Approved) => ErasureTransition.Refused(ErasureProblem.NotApproved),
        (ErasureAction.Complete or ErasureAction.StartExecution, ErasureState.Completed) => ErasureTransition.Refused(ErasureProblem.AlreadyFinished),

        (ErasureAction.Approve or ErasureAction.Reject, ErasureState.Executing or ErasureState.Completed or ErasureState.Rejected or ErasureState.Cancelled) =>
            ErasureTransition.Refused(ErasureProblem.AlreadyDecided),
        _ => ErasureTransition.Refused(ErasureProblem.AlreadyFinished),
    };

    /// <summary>Requests the customer still waits on: nothing finished them yet.</summary>
    public static readonly IReadOnlyList<ErasureState> OpenStates =
        [ErasureState.Requested, ErasureState.Verified, ErasureState.Approved, ErasureState.Executing];

    public static bool IsOpen(ErasureState state) => OpenStates.Contains(state);

    public static bool CanCancel(ErasureState state) => Apply(state, ErasureAction.Cancel).Allowed;

    /// <summary>
    /// Art. 12(3) GDPR: we must act on the request "without undue delay and in any event within one month of
    /// receipt"; the period may be extended by two further months, so the setting allows one to three.
    /// </summary>
    public static DateTimeOffset DueAt(DateTimeOffset requestedAt, int deadlineMonths) => requestedAt.AddMonths(deadlineMonths);

    /// <summary>Whole days from today to the due date, counted on UTC calendar days; negative when overdue.</summary>
    public static int DaysLeft(DateTimeOffset dueAt, DateTimeOffset now) =>
        (int)(dueAt.UtcDateTime.Date - now.UtcDateTime.Date).TotalDays;

    /// <summary>Overdue: still open after the due moment.</summary>
    public static bool IsOverdue(ErasureState state, DateTimeOffset dueAt, DateTimeOffset now) => IsOpen(state) && now > dueAt;

    /// <summary>
    /// While a request is open, withdrawing a consent always works (stopping must never be harder than it was); a new
    /// grant works too, but the customer is told it will be erased with everything else unless they cancel.
    /// </summary>
    public static bool GrantNeedsExplanation(bool grant, ErasureRequestView? openRequest) => grant && openRequest is { IsOpen: true };

    /// <summary>
    /// A request filed by staff needs how the customer asked and why, the reason saying how the agent checked the
    /// customer's identity: the one rule of acting for a customer (<see cref="OnBehalfRules"/>), in the erasure's words.
    /// </summary>
    public static ErasureProblem? CheckOnBehalf(Actor staff) => OnBehalfRules.Check(staff) switch
    {
        null => null,
        OnBehalfProblem.MissingChannel or OnBehalfProblem.UnknownChannel => ErasureProblem.ChannelRequired,
        OnBehalfProblem.MissingReason => ErasureProblem.IdentityCheckRequired,
        OnBehalfProblem.ReasonHasControlCharacter => ErasureProblem.ReasonHasControlCharacter,
        _ => ErasureProblem.ReasonTooLong,
    };

    /// <summary>A rejection needs a reason the customer is told, short enough to read and keep.</summary>
    public static ErasureProblem? CheckReason(string? reason) => reason?.Trim() switch
    {
        null or "" => ErasureProblem.ReasonRequired,
        { Length: > ReasonMaxLength } => ErasureProblem.ReasonTooLong,
        var text when PlainText.HasControlCharacter(text, multiline: true) => ErasureProblem.ReasonHasControlCharacter,
        _ => null,
    };
}
