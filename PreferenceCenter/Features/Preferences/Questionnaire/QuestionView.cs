namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>One question as the customer sees it, in their language, with their current answer if any.</summary>
public sealed record QuestionView(
    int Id,
    string Key,
    QuestionType Type,
    string Prompt,
    string WhyWeAsk,
    IReadOnlyList<OptionView> Options,
    int MaxLength,
    string PurposeKey,
    bool AnswersInUse,
    bool IsRetired,
    AnswerView? Answer);
