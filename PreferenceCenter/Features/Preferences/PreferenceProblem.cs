namespace PreferenceCenter.Features.Preferences;

/// <summary>Why a preference change was refused. The UI shows a translated message per value, next to the field.</summary>
public enum PreferenceProblem
{
    UnknownCustomer = 1,
    CustomerNotActive,
    ActorIsNotSubject,
    UnknownChannel,
    UnknownFrequency,
    PauseDateMissing,
    PauseInPast,
    PauseTooFar,
    NotPaused,
    UnknownQuestion,
    QuestionRetired,
    ChoiceRequired,
    OneChoiceOnly,
    ChoiceNotInQuestion,
    TextRequired,
    TextTooLong,
    TextHasMarkup,
    FeedbackEmpty,
    CommentTooLong,
    CommentHasMarkup,
    ChangedElsewhere,
}
