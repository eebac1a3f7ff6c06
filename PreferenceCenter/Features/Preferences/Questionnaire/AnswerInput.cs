namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>What the customer submitted for one question: option keys for choice questions, words for free text.</summary>
public sealed record AnswerInput(IReadOnlyList<string> Choices, string? Text = null)
{
    public static AnswerInput Choose(params string[] keys) => new(keys);

    public static AnswerInput Write(string? text) => new([], text);
}
