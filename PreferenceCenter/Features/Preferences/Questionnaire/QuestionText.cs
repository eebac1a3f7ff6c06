namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>A question's words in one language: what we ask and why.</summary>
public sealed class QuestionText
{
    public int Id { get; init; }
    public int QuestionId { get; init; }
    public required string Culture { get; init; }
    public required string Prompt { get; set; }
    public required string WhyWeAsk { get; set; }
}
