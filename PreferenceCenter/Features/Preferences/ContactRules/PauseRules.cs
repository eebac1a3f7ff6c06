namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>When a pause ends, and whether that end is acceptable: in the future, and at most a year ahead.</summary>
public static class PauseRules
{
    /// <summary>
    /// The moment the pause ends. A picked date is the day we may be in touch again: the pause ends as it starts, on
    /// the customer's own clock. Returns a problem instead when the date is missing, not after today, or more than a year ahead.
    /// </summary>
    public static (DateTimeOffset? Until, PreferenceProblem? Problem) EndOf(
        PauseLength length, DateOnly? pickedDate, DateTimeOffset now, TimeZoneInfo readerZone)
    {
        ArgumentNullException.ThrowIfNull(readerZone);
        switch (length)
        {
            case PauseLength.OneWeek:
                return (now.AddDays(7), null);
            case PauseLength.OneMonth:
                return (now.AddMonths(1), null);
            case PauseLength.ThreeMonths:
                return (now.AddMonths(3), null);
            case PauseLength.UntilDate when pickedDate is { } date:
                var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, readerZone).DateTime);
                if (date <= today)
                {
                    return (null, PreferenceProblem.PauseInPast);
                }

                if (date > today.AddYears(1))
                {
                    return (null, PreferenceProblem.PauseTooFar);
                }

                var start = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
                return (new DateTimeOffset(start, readerZone.GetUtcOffset(start)).ToUniversalTime(), null);
            case PauseLength.UntilDate:
                return (null, PreferenceProblem.PauseDateMissing);
            default:
                throw new ArgumentOutOfRangeException(nameof(length), length, null);
        }
    }

    /// <summary>The service checks the end again, so a caller that computed it elsewhere cannot store a bad one.</summary>
    public static PreferenceProblem? Check(DateTimeOffset until, DateTimeOffset now) =>
        until <= now ? PreferenceProblem.PauseInPast
        : until > now.AddYears(1).AddDays(1) ? PreferenceProblem.PauseTooFar // a picked day starts at midnight in the reader's zone
        : null;
}
