namespace PreferenceCenter.Features.Compliance;

public enum DeadlineExtensionOutcome
{
    Extended = 1,
    NotFound,

    /// <summary>The request is finished (completed, rejected, cancelled): there is nothing left to be late for.</summary>
    Closed,
    AlreadyExtended,
    MonthsOutOfBounds,

    /// <summary>Art. 12(3): the customer must be told of an extension within one month of asking; that month has passed.</summary>
    TooLate,
    ReasonRequired,
    ReasonTooLong,

    /// <summary>The request changed meanwhile (approved, cancelled…): reload and decide again.</summary>
    Conflict,
    ReasonHasControlCharacter,
}
