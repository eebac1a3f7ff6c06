namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// The customer's form: the questions we ask now, and answers they gave to questions we no longer ask (still theirs
/// to see and forget).
/// </summary>
public sealed record QuestionnaireView(IReadOnlyList<QuestionView> Questions, IReadOnlyList<QuestionView> Retired);
