namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>One choice of a choice question. Answers store its <see cref="Key"/>, so labels can be reworded.</summary>
public sealed class QuestionOption
{
    public const int KeyMaxLength = 60;
    public const int LabelMaxLength = 100;

    public int Id { get; init; }
    public int QuestionId { get; init; }
    public required string Key { get; init; }
    public int SortOrder { get; set; }
    public List<QuestionOptionLabel> Labels { get; init; } = [];
}
