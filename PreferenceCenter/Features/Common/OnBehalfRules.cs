namespace PreferenceCenter.Features.Common;

/// <summary>
/// The one rule of acting for a customer, free of storage: a known request channel and a bounded reason. Support
/// checks it before every action, and the erasure workflow again on the actor it is given, so both say the same.
/// </summary>
public static class OnBehalfRules
{
    public static OnBehalfProblem? Check(OnBehalfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Channel is null)
        {
            return OnBehalfProblem.MissingChannel;
        }

        return Enum.IsDefined(request.Channel.Value) ? CheckReason(request.Reason) : OnBehalfProblem.UnknownChannel;
    }

    /// <summary>The same rule on a staff actor, whose channel is already in its ledger spelling (none, or one we do not know, is missing).</summary>
    public static OnBehalfProblem? Check(Actor staff)
    {
        ArgumentNullException.ThrowIfNull(staff);
        return Check(new OnBehalfRequest(RequestChannels.FromLedgerValue(staff.RequestChannel), staff.Reason));
    }

    /// <summary>
    /// A reason (or a reveal's justification) is required, fits the ledger's field, where it is kept with the actor, and
    /// is plain text (<see cref="PlainText"/>: line breaks pass, the field has several lines).
    /// </summary>
    public static OnBehalfProblem? CheckReason(string? reason) => reason?.Trim() switch
    {
        null or "" => OnBehalfProblem.MissingReason,
        { Length: > Actor.ReasonMaxLength } => OnBehalfProblem.ReasonTooLong,
        var text when PlainText.HasControlCharacter(text, multiline: true) => OnBehalfProblem.ReasonHasControlCharacter,
        _ => null,
    };

    /// <summary>The staff actor the ledger records: who, how the customer asked, and why.</summary>
    public static Actor ActorFor(string staffUserId, OnBehalfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Actor.Staff(staffUserId, request.Reason!.Trim(), request.Channel!.Value.ToLedgerValue());
    }
}
