namespace PreferenceCenter.Features.Support;

/// <summary>Why the console refused something. Nothing is written when any of these is returned.</summary>
public enum SupportProblem
{
    EmptySearch = 1,
    Wildcard,
    PartialIdentifier,
    NotFound,
    MissingChannel,
    UnknownChannel,
    MissingReason,
    ReasonTooLong,
    UnknownCustomer,
    CustomerErased,
    MissingJustification,
    JustificationTooLong,
    NothingOnFile,
    ReasonHasControlCharacter,
    JustificationHasControlCharacter,
}
