namespace PreferenceCenter.Features.Preferences.Questionnaire;

public sealed class QuestionWording
{
    public string? Prompt { get; set; }
    public string? WhyWeAsk { get; set; }
}
