using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// The questionnaire form as the browser posted it: the button pressed and, for every question on the page, what was
/// chosen or typed and the answer's version the page showed. Every question posts with the one saved, so the page
/// that comes back shows the others as they were left, saved or not. Whatever a script posts instead reads as no
/// action, a question the form does not have, or a version of 0; the answer rules and the store refuse what follows.
/// </summary>
public sealed class QuestionnairePost
{
    /// <summary>
    /// The pressed button's field. Not "action": a field of that name hides the form's own action property from
    /// scripts, and enhanced navigation then posts to "[object RadioNodeList]".
    /// </summary>
    public const string ActionField = "pressed";
    public const string ForgetAllValue = "forget-all";

    private readonly IFormCollection form;

    private QuestionnairePost(IFormCollection form, QuestionnaireAction action, int? questionId) =>
        (this.form, Action, QuestionId) = (form, action, questionId);

    public QuestionnaireAction Action { get; }

    /// <summary>The question the pressed Save or Forget belongs to.</summary>
    public int? QuestionId { get; }

    public static string SaveValue(int questionId) => $"save:{questionId.ToString(CultureInfo.InvariantCulture)}";

    public static string ForgetValue(int questionId) => $"forget:{questionId.ToString(CultureInfo.InvariantCulture)}";

    public static string ChoiceField(int questionId) => $"q{questionId.ToString(CultureInfo.InvariantCulture)}.choice";

    public static string TextField(int questionId) => $"q{questionId.ToString(CultureInfo.InvariantCulture)}.text";

    public static string VersionField(int questionId) => $"q{questionId.ToString(CultureInfo.InvariantCulture)}.version";

    public static QuestionnairePost Read(IFormCollection form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var pressed = form[ActionField].ToString();
        if (pressed == ForgetAllValue)
        {
            return new QuestionnairePost(form, QuestionnaireAction.ForgetAll, null);
        }

        var (action, id) = pressed.Split(':') switch
        {
            ["save", var n] => (QuestionnaireAction.Save, Id(n)),
            ["forget", var n] => (QuestionnaireAction.Forget, Id(n)),
            _ => (QuestionnaireAction.None, null),
        };
        return id is null ? new QuestionnairePost(form, QuestionnaireAction.None, null) : new QuestionnairePost(form, action, id);
    }

    /// <summary>Whether the page that posted showed this question (one added since is shown as stored).</summary>
    public bool Holds(int questionId) => form.ContainsKey(VersionField(questionId));

    public int SeenVersion(int questionId) =>
        int.TryParse(form[VersionField(questionId)], NumberStyles.None, CultureInfo.InvariantCulture, out var seen) ? seen : 0;

    /// <summary>What was chosen or typed for the question: its options' keys, or its words as typed.</summary>
    public AnswerInput Draft(int questionId, QuestionType type) => type switch
    {
        QuestionType.SingleChoice or QuestionType.MultipleChoice => new AnswerInput([.. form[ChoiceField(questionId)].OfType<string>()]),
        _ => AnswerInput.Write(form[TextField(questionId)].ToString()),
    };

    private static int? Id(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
}
