namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>Which of the questionnaire form's buttons was pressed.</summary>
public enum QuestionnaireAction
{
    /// <summary>No button the form offers (a script's post, or one from an older page): nothing is changed.</summary>
    None,
    Save,
    Forget,
    ForgetAll,
}
