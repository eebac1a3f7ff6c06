namespace PreferenceCenter.Features.Preferences.Admin;

public enum QuestionProblemCode
{
    Required = 1,
    TooLong,
    HasMarkup,
    UnknownPurpose,
    UnknownType,
    MaxLengthOutOfRange,
    TooFewOptions,
    DuplicateOption,
    PurposeLockedByAnswers,
    TypeLockedByAnswers,
    OptionInUse,
    UnknownQuestion,
    ChangedElsewhere,
    ControlCharacter,
}
