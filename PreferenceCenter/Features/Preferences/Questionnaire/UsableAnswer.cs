namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>An answer another feature may use for its purpose right now.</summary>
public sealed record UsableAnswer(string QuestionKey, IReadOnlyList<string> Choices, string? Text);
