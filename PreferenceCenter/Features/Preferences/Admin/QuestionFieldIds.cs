namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>Element ids of the question form's inputs and of their problem messages, derived from the field names.</summary>
public static class QuestionFieldIds
{
    public static string Input(string field) => "question-" + (field ?? string.Empty).Replace('.', '-');

    public static string Problem(string field) => Input(field) + "-problem";
}
