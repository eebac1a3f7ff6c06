namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// The customer's form: the questions we ask now, and answers they gave to questions we no longer ask (still theirs
/// to see and forget).
/// </summary>
public sealed record Questionnaire(IReadOnlyList<QuestionView> Questions, IReadOnlyList<QuestionView> Retired);
