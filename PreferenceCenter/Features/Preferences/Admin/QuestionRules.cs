using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// What a question needs before it may be asked: a purpose it serves, a "why we ask" and a prompt in every language,
/// and sensible options. Every problem is reported at once, each against its field.
/// </summary>
public static class QuestionRules
{
    public const int MinOptions = 2;

    /// <param name="knownPurposes">Keys of the purposes a question may name.</param>
    /// <param name="answered">For an existing question with answers: its stored type, purpose and the option keys in use.</param>
    public static IReadOnlyList<QuestionProblem> Check(QuestionForm form, IReadOnlySet<string> knownPurposes, AnsweredQuestion? answered = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(knownPurposes);
        var problems = new List<QuestionProblem>();
        if (!Enum.IsDefined(form.Type))
        {
            problems.Add(new(QuestionFields.Type, QuestionProblemCode.UnknownType));
        }

        if (string.IsNullOrWhiteSpace(form.PurposeKey))
        {
            problems.Add(new(QuestionFields.Purpose, QuestionProblemCode.Required));
        }
        else if (!knownPurposes.Contains(form.PurposeKey))
        {
            problems.Add(new(QuestionFields.Purpose, QuestionProblemCode.UnknownPurpose));
        }

        foreach (var culture in SupportedCultures.Names)
        {
            var wording = form.Wording.GetValueOrDefault(culture);
            CheckText(problems, QuestionFields.Prompt(culture), wording?.Prompt, Question.PromptMaxLength);
            CheckText(problems, QuestionFields.WhyWeAsk(culture), wording?.WhyWeAsk, Question.WhyWeAskMaxLength);
        }

        if (form.Type == QuestionType.FreeText)
        {
            if (form.MaxLength is not (>= 1 and <= Question.FreeTextLimit))
            {
                problems.Add(new(QuestionFields.MaxLength, QuestionProblemCode.MaxLengthOutOfRange, Question.FreeTextLimit));
            }
        }
        else
        {
            CheckOptions(problems, form.Options);
        }

        if (answered is not null)
        {
            CheckAgainstAnswers(problems, form, answered);
        }

        return problems;
    }

    private static void CheckText(List<QuestionProblem> problems, string field, string? text, int limit)
    {
        var value = FreeTextRules.Normalise(text);
        if (value is null)
        {
            problems.Add(new(field, QuestionProblemCode.Required));
        }
        else if (value.Length > limit)
        {
            problems.Add(new(field, QuestionProblemCode.TooLong, limit));
        }
        else if (FreeTextRules.ContainsMarkup(value))
        {
            problems.Add(new(field, QuestionProblemCode.HasMarkup));
        }
        else if (PlainText.HasControlCharacter(value, multiline: true))
        {
            problems.Add(new(field, QuestionProblemCode.ControlCharacter));
        }
    }

    private static void CheckOptions(List<QuestionProblem> problems, List<OptionForm> options)
    {
        if (options.Count < MinOptions)
        {
            problems.Add(new(QuestionFields.Options, QuestionProblemCode.TooFewOptions, MinOptions));
        }

        for (var i = 0; i < options.Count; i++)
        {
            foreach (var culture in SupportedCultures.Names)
            {
                CheckText(problems, QuestionFields.Option(i, culture), options[i].Labels.GetValueOrDefault(culture), QuestionOption.LabelMaxLength);
            }
        }

        foreach (var culture in SupportedCultures.Names)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < options.Count; i++)
            {
                if (FreeTextRules.Normalise(options[i].Labels.GetValueOrDefault(culture)) is { } label && !seen.Add(label))
                {
                    problems.Add(new(QuestionFields.Option(i, culture), QuestionProblemCode.DuplicateOption));
                }
            }
        }
    }

    // Answers were given to this question as it was: changing what it serves or how it is answered would change their meaning.
    private static void CheckAgainstAnswers(List<QuestionProblem> problems, QuestionForm form, AnsweredQuestion answered)
    {
        if (form.PurposeKey != answered.PurposeKey)
        {
            problems.Add(new(QuestionFields.Purpose, QuestionProblemCode.PurposeLockedByAnswers));
        }

        if (form.Type != answered.Type)
        {
            problems.Add(new(QuestionFields.Type, QuestionProblemCode.TypeLockedByAnswers));
        }

        var kept = form.Options.Select(o => o.Key).OfType<string>().ToHashSet();
        if (answered.OptionKeysInUse.Any(key => !kept.Contains(key)))
        {
            problems.Add(new(QuestionFields.Options, QuestionProblemCode.OptionInUse));
        }
    }
}
