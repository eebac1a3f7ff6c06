namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>What customers' answers pin down about a question: it cannot change purpose, type, or drop a chosen option.</summary>
public sealed record AnsweredQuestion(string PurposeKey, QuestionType Type, IReadOnlySet<string> OptionKeysInUse);
