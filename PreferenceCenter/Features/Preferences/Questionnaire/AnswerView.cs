namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>A stored answer; <see cref="Version"/> goes back with the next change so a stale tab cannot overwrite it.</summary>
public sealed record AnswerView(IReadOnlyList<string> Choices, string? Text, DateTimeOffset AnsweredAt, int Version);
