using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Support;

/// <summary>The rules of acting for a customer, free of storage: a known request channel and a bounded reason.</summary>
public static class OnBehalfRules
{
    public static SupportProblem? Check(OnBehalfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Channel is null)
        {
            return SupportProblem.MissingChannel;
        }

        if (!Enum.IsDefined(request.Channel.Value))
        {
            return SupportProblem.UnknownChannel;
        }

        return CheckReason(request.Reason) switch
        {
            ReasonProblem.Missing => SupportProblem.MissingReason,
            ReasonProblem.TooLong => SupportProblem.ReasonTooLong,
            _ => null,
        };
    }

    /// <summary>A reveal's justification obeys the same bounds as a reason: it is stored in the same ledger field.</summary>
    public static SupportProblem? CheckJustification(string? justification) => CheckReason(justification) switch
    {
        ReasonProblem.Missing => SupportProblem.MissingJustification,
        ReasonProblem.TooLong => SupportProblem.JustificationTooLong,
        _ => null,
    };

    /// <summary>The staff actor the ledger records: who, how the customer asked, and why.</summary>
    public static Actor ActorFor(string staffUserId, OnBehalfRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Actor.Staff(staffUserId, request.Reason!.Trim(), request.Channel!.Value.ToLedgerValue());
    }

    private static ReasonProblem? CheckReason(string? reason)
    {
        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return ReasonProblem.Missing;
        }

        return trimmed.Length > LedgerEntry.ReasonMaxLength ? ReasonProblem.TooLong : null;
    }

    private enum ReasonProblem
    {
        Missing = 1,
        TooLong,
    }
}
