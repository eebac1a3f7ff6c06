using PreferenceCenter.Features.Preferences.Admin;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>
/// The field names a <see cref="QuestionProblem"/> is reported against: one spelling for the rules that find a problem
/// and the page that shows it next to its input.
/// </summary>
public static class QuestionFields
{
    /// <summary>The question as a whole: it no longer exists, or was changed elsewhere.</summary>
    public const string Question = "Question";
    public const string Type = "Type";
    public const string Purpose = "Purpose";
    public const string MaxLength = "MaxLength";

    /// <summary>The options list as a whole: too few, or one in use was removed.</summary>
    public const string Options = "Options";

    private const string OptionPrefix = "Option.";

    public static string Prompt(string culture) => $"Prompt.{culture}";

    public static string WhyWeAsk(string culture) => $"WhyWeAsk.{culture}";

    /// <summary>One option's label in one language; <paramref name="index"/> counts from 0.</summary>
    public static string Option(int index, string culture) => $"{OptionPrefix}{index}.{culture}";

    /// <summary>Reads back <see cref="Option"/>: which option (from 0) and which language a field names.</summary>
    public static bool TryParseOption(string? field, out int index, out string culture)
    {
        index = -1;
        culture = string.Empty;
        var parts = field?.Split('.');
        if (parts is not [_, var number, var language] || !field!.StartsWith(OptionPrefix, StringComparison.Ordinal)
            || !int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
        {
            index = -1;
            return false;
        }

        culture = language;
        return true;
    }
}
