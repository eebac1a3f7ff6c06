namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>How a question is answered. Stored: the numbers never change.</summary>
public enum QuestionType
{
    SingleChoice = 1,
    MultipleChoice = 2,
    FreeText = 3,
}
