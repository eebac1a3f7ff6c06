using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>A row of the officer's question list.</summary>
public sealed record QuestionSummary(int Id, string Key, QuestionType Type, string Prompt, string PurposeKey, bool IsRetired, int AnswerCount, int Version);
