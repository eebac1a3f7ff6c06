using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences;

/// <summary>Complete question forms (all three languages) for the catalog <see cref="CatalogBuilder"/> seeds.</summary>
public static class QuestionSamples
{
    /// <summary>"Which store do you usually visit?" — one of Milan, Madrid, Online; serves profiling.</summary>
    public static QuestionForm SingleChoice(string purpose = "profiling") => Choice(
        QuestionType.SingleChoice, purpose,
        ("Which store do you usually visit?", "Quale negozio visiti di solito?", "¿Qué tienda visitas normalmente?"),
        ("So offers name a store near you.", "Così le offerte indicano un negozio vicino a te.", "Así las ofertas mencionan una tienda cerca de ti."),
        ("Milan", "Milano", "Milán"), ("Madrid", "Madrid", "Madrid"), ("Online", "Online", "En línea"));

    /// <summary>"What are you interested in?" — any of Running, Cooking, Travel; serves profiling.</summary>
    public static QuestionForm MultipleChoice(string purpose = "profiling") => Choice(
        QuestionType.MultipleChoice, purpose,
        ("What are you interested in?", "Che cosa ti interessa?", "¿Qué te interesa?"),
        ("So we show you things you like.", "Così ti mostriamo ciò che ti piace.", "Así te mostramos lo que te gusta."),
        ("Running", "Corsa", "Correr"), ("Cooking", "Cucina", "Cocina"), ("Travel", "Viaggi", "Viajes"));

    /// <summary>"Anything else we should know?" — up to <paramref name="maxLength"/> characters; serves marketing.</summary>
    public static QuestionForm FreeText(string purpose = "marketing", int maxLength = 100)
    {
        var form = new QuestionForm { Type = QuestionType.FreeText, PurposeKey = purpose, MaxLength = maxLength };
        Word(form, ("Anything else we should know?", "C'è altro che dovremmo sapere?", "¿Algo más que debamos saber?"),
            ("So our messages fit you better.", "Così i nostri messaggi ti somigliano di più.", "Así nuestros mensajes se ajustan mejor a ti."));
        return form;
    }

    private static QuestionForm Choice(
        QuestionType type, string purpose, (string En, string It, string Es) prompt, (string En, string It, string Es) why,
        params (string En, string It, string Es)[] options)
    {
        var form = new QuestionForm { Type = type, PurposeKey = purpose };
        Word(form, prompt, why);
        foreach (var (en, it, es) in options)
        {
            var option = form.AddOption();
            option.Labels["en"] = en;
            option.Labels["it"] = it;
            option.Labels["es"] = es;
        }

        return form;
    }

    private static void Word(QuestionForm form, (string En, string It, string Es) prompt, (string En, string It, string Es) why)
    {
        form.Wording["en"] = new QuestionWording { Prompt = prompt.En, WhyWeAsk = why.En };
        form.Wording["it"] = new QuestionWording { Prompt = prompt.It, WhyWeAsk = why.It };
        form.Wording["es"] = new QuestionWording { Prompt = prompt.Es, WhyWeAsk = why.Es };
    }
}
