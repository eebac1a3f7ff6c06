namespace PreferenceCenter.Features.Preferences;

/// <summary>A row of the officer's question list.</summary>
public sealed record QuestionSummary(int Id, string Key, QuestionType Type, string Prompt, string PurposeKey, bool IsRetired, int AnswerCount, int Version);
