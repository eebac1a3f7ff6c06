using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>
/// The question form's words for its fields and their problems. The inputs and the problem summary take their labels
/// from here, so the summary names a field exactly as the form labels it.
/// </summary>
public static class QuestionProblemTexts
{
    public static string Describe(this IStringLocalizer<SharedResource> text, QuestionProblem problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(problem);
        return text[$"QuestionProblem.{problem.Code}", problem.Limit ?? 0];
    }

    /// <summary>Every problem of one field in one sentence, or null when it has none.</summary>
    public static string? DescribeField(this IStringLocalizer<SharedResource> text, IReadOnlyList<QuestionProblem> problems, string field)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var messages = problems.Where(p => p.Field == field).Select(p => text.Describe(p)).ToList();
        return messages.Count == 0 ? null : string.Join(" ", messages);
    }

    /// <summary>"Option 2 (English)": the label of one option's text in one language; <paramref name="index"/> counts from 0.</summary>
    public static string OptionLabel(this IStringLocalizer<SharedResource> text, int index, string culture)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text["Admin.Question.OptionIn", index + 1, SupportedCultures.NativeName(culture)];
    }

    /// <summary>
    /// A field's label, e.g. "Why we ask (Italiano)" or "Option 2 (English)"; null for <see cref="QuestionFields.Question"/>,
    /// which is about the question as a whole.
    /// </summary>
    public static string? FieldLabel(this IStringLocalizer<SharedResource> text, string field)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(field);
        foreach (var culture in SupportedCultures.Names)
        {
            if (field == QuestionFields.Prompt(culture))
            {
                return text["Admin.Question.PromptIn", SupportedCultures.NativeName(culture)];
            }

            if (field == QuestionFields.WhyWeAsk(culture))
            {
                return text["Admin.Question.WhyWeAskIn", SupportedCultures.NativeName(culture)];
            }
        }

        if (QuestionFields.TryParseOption(field, out var index, out var language))
        {
            return text.OptionLabel(index, language);
        }

        return field switch
        {
            QuestionFields.Type => text["Admin.Question.Type"].Value,
            QuestionFields.Purpose => text["Admin.Question.Purpose"].Value,
            QuestionFields.MaxLength => text["Admin.Question.MaxLength", Question.FreeTextLimit].Value,
            QuestionFields.Options => text["Admin.Question.Options"].Value,
            _ => null,
        };
    }
}
