using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>Whether an answer fits its question, free of storage so every case can be tested directly.</summary>
public static class AnswerRules
{
    /// <summary>The first problem with the answer, or null; <paramref name="normalised"/> is what would be stored.</summary>
    public static PreferenceProblem? Check(Question question, AnswerInput input, out AnswerInput normalised)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(input);
        normalised = input;
        if (question.IsRetired)
        {
            return PreferenceProblem.QuestionRetired;
        }

        if (question.Type == QuestionType.FreeText)
        {
            var text = FreeTextRules.Normalise(input.Text);
            normalised = AnswerInput.Write(text);
            return text is null ? PreferenceProblem.TextRequired
                : text.Length > (question.MaxLength ?? Question.FreeTextLimit) ? PreferenceProblem.TextTooLong
                : FreeTextRules.ContainsMarkup(text) ? PreferenceProblem.TextHasMarkup
                : null;
        }

        var chosen = input.Choices.Distinct(StringComparer.Ordinal).ToList();
        if (chosen.Count == 0)
        {
            return PreferenceProblem.ChoiceRequired;
        }

        if (question.Type == QuestionType.SingleChoice && chosen.Count > 1)
        {
            return PreferenceProblem.OneChoiceOnly;
        }

        var order = question.Options.OrderBy(o => o.SortOrder).Select(o => o.Key).ToList();
        if (chosen.Any(key => !order.Contains(key)))
        {
            return PreferenceProblem.ChoiceNotInQuestion;
        }

        normalised = new AnswerInput([.. order.Where(chosen.Contains)]);
        return null;
    }

    public static bool SameAs(Answer? answer, AnswerInput normalised) =>
        answer is not null && answer.Text == normalised.Text && answer.Choices.SequenceEqual(normalised.Choices);
}
