namespace PreferenceCenter.Features.Support;

/// <summary>One preference answer as support sees it: chosen options by label, free text masked.</summary>
public sealed record SupportAnswer(string Prompt, IReadOnlyList<string> Choices, string? MaskedText, DateTimeOffset AnsweredAt);
