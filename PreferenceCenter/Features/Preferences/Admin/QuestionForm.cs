using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Preferences.Admin;

/// <summary>The officer's edit form for a question: mutable, so the admin page binds to it directly.</summary>
public sealed class QuestionForm
{
    /// <summary>Null for a new question.</summary>
    public int? Id { get; set; }
    public string? Key { get; set; }
    public int Version { get; set; }
    public QuestionType Type { get; set; } = QuestionType.SingleChoice;
    public string? PurposeKey { get; set; }
    public int? MaxLength { get; set; } = 200;
    public bool IsRetired { get; set; }

    /// <summary>Prompt and "why we ask", one per supported language.</summary>
    public Dictionary<string, QuestionWording> Wording { get; init; } =
        SupportedCultures.Names.ToDictionary(c => c, _ => new QuestionWording());

    public List<OptionForm> Options { get; init; } = [];

    public OptionForm AddOption()
    {
        var option = new OptionForm();
        Options.Add(option);
        return option;
    }

    /// <summary>Takes an option off the form; an option customers chose is refused later, on save (<see cref="QuestionRules"/>).</summary>
    public bool RemoveOption(int index)
    {
        if (index < 0 || index >= Options.Count)
        {
            return false;
        }

        Options.RemoveAt(index);
        return true;
    }

    /// <summary>Swaps an option with the one before (<paramref name="up"/>) or after it; false at either end.</summary>
    public bool MoveOption(int index, bool up)
    {
        var other = up ? index - 1 : index + 1;
        if (index < 0 || index >= Options.Count || other < 0 || other >= Options.Count)
        {
            return false;
        }

        (Options[index], Options[other]) = (Options[other], Options[index]);
        return true;
    }
}
