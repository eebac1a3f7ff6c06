using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Features.Compliance;

/// <summary>
/// Art. 12(3) GDPR: the one month to act on a request "may be extended by two further months where necessary, taking
/// into account the complexity and number of the requests", and the customer must be told "within one month of
/// receipt of the request, together with the reasons for the delay". So: once, by one or two months, with a reason,
/// while the request is open and within a month of its receipt.
/// </summary>
public static class DeadlineExtensionRules
{
    public const int MinMonths = 1;
    public const int MaxMonths = 2;
    public const int ReasonMaxLength = ErasureRules.ReasonMaxLength;

    public static DeadlineExtensionOutcome? Check(ErasureRequest request, int months, string? reason, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ErasureRules.IsOpen(request.State))
        {
            return DeadlineExtensionOutcome.Closed;
        }

        if (request.DeadlineExtendedAt is not null)
        {
            return DeadlineExtensionOutcome.AlreadyExtended;
        }

        if (months is < MinMonths or > MaxMonths)
        {
            return DeadlineExtensionOutcome.MonthsOutOfBounds;
        }

        if (now > LastDayToExtend(request))
        {
            return DeadlineExtensionOutcome.TooLate;
        }

        return reason?.Trim() switch
        {
            null or "" => DeadlineExtensionOutcome.ReasonRequired,
            { Length: > ReasonMaxLength } => DeadlineExtensionOutcome.ReasonTooLong,
            var text when PlainText.HasControlCharacter(text, multiline: true) => DeadlineExtensionOutcome.ReasonHasControlCharacter,
            _ => null,
        };
    }

    /// <summary>One month after receipt: the last moment the customer can still be told in time.</summary>
    public static DateTimeOffset LastDayToExtend(ErasureRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.RequestedAt.AddMonths(1);
    }

    public static bool CanExtend(ErasureRequest request, DateTimeOffset now) =>
        Check(request, MinMonths, "reason", now) is null;
}
