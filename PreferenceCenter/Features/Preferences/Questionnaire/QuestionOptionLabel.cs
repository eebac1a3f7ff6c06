namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>An option's label in one language.</summary>
public sealed class QuestionOptionLabel
{
    public int Id { get; init; }
    public int OptionId { get; init; }
    public required string Culture { get; init; }
    public required string Label { get; set; }
}
