using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Data.Seed;

/// <summary>
/// The demo's zero-party questions, so the demo customer sees a real form. Each names its purpose and says why it is
/// asked; nothing here touches special-category data (health, religion), which a preference form has no need for.
/// </summary>
public static class DevelopmentQuestions
{
    public static IReadOnlyList<QuestionForm> All() =>
    [
        Choice(QuestionType.MultipleChoice, "profiling",
            ("What are you interested in?", "Che cosa ti interessa?", "¿Qué te interesa?"),
            ("So the offers we tailor to you are about things you like, not guesses.",
                "Così le offerte personalizzate parlano di ciò che ti piace, non di ipotesi.",
                "Así las ofertas personalizadas tratan de lo que te gusta, no de suposiciones."),
            ("Running and outdoors", "Corsa e vita all'aria aperta", "Correr y aire libre"),
            ("Home and cooking", "Casa e cucina", "Hogar y cocina"),
            ("Fashion", "Moda", "Moda"),
            ("Travel", "Viaggi", "Viajes"),
            ("Technology", "Tecnologia", "Tecnología")),
        Choice(QuestionType.SingleChoice, "marketing",
            ("Which store do you usually visit?", "Quale negozio visiti di solito?", "¿Qué tienda visitas normalmente?"),
            ("So news and events we send you are about a store you can actually get to.",
                "Così novità ed eventi che ti inviamo riguardano un negozio che puoi raggiungere.",
                "Así las novedades y eventos que te enviamos son de una tienda a la que puedes ir."),
            ("Milan, Corso Buenos Aires", "Milano, Corso Buenos Aires", "Milán, Corso Buenos Aires"),
            ("Rome, Via del Corso", "Roma, Via del Corso", "Roma, Via del Corso"),
            ("Madrid, Gran Vía", "Madrid, Gran Vía", "Madrid, Gran Vía"),
            ("I shop online only", "Compro solo online", "Solo compro en línea")),
        Choice(QuestionType.SingleChoice, "profiling",
            ("What clothing size do you usually wear?", "Che taglia porti di solito?", "¿Qué talla sueles llevar?"),
            ("So we only suggest clothes that are available in your size.",
                "Così ti suggeriamo solo capi disponibili nella tua taglia.",
                "Así solo te sugerimos prendas disponibles en tu talla."),
            ("XS", "XS", "XS"), ("S", "S", "S"), ("M", "M", "M"), ("L", "L", "L"), ("XL", "XL", "XL"), ("XXL", "XXL", "XXL")),
        Choice(QuestionType.MultipleChoice, "marketing",
            ("Which food styles would you like recipes for?", "Per quali stili di cucina vorresti ricette?", "¿De qué estilos de cocina te gustaría recibir recetas?"),
            ("So the recipes in our newsletter are ones you would cook.",
                "Così le ricette della nostra newsletter sono quelle che cucineresti.",
                "Así las recetas de nuestro boletín son las que cocinarías."),
            ("Vegetarian", "Vegetariana", "Vegetariana"),
            ("Vegan", "Vegana", "Vegana"),
            ("Mediterranean", "Mediterranea", "Mediterránea"),
            ("Quick weekday meals", "Piatti veloci per tutti i giorni", "Platos rápidos para cada día")),
        FreeText("marketing", 200,
            ("Is there anything you would like to hear more about?", "C'è qualcosa di cui vorresti sentir parlare di più?", "¿Hay algo de lo que te gustaría saber más?"),
            ("So our messages cover what you asked for. Please don't include health or other sensitive details.",
                "Così i nostri messaggi parlano di ciò che hai chiesto. Non indicare dati sulla salute o altri dati sensibili.",
                "Así nuestros mensajes tratan lo que pediste. No incluyas datos de salud ni otros datos sensibles.")),
    ];

    private static QuestionForm Choice(
        QuestionType type, string purpose, (string En, string It, string Es) prompt, (string En, string It, string Es) why,
        params (string En, string It, string Es)[] options)
    {
        var form = Worded(new QuestionForm { Type = type, PurposeKey = purpose }, prompt, why);
        foreach (var (en, it, es) in options)
        {
            var option = form.AddOption();
            (option.Labels["en"], option.Labels["it"], option.Labels["es"]) = (en, it, es);
        }

        return form;
    }

    private static QuestionForm FreeText(string purpose, int maxLength, (string En, string It, string Es) prompt, (string En, string It, string Es) why) =>
        Worded(new QuestionForm { Type = QuestionType.FreeText, PurposeKey = purpose, MaxLength = maxLength }, prompt, why);

    private static QuestionForm Worded(QuestionForm form, (string En, string It, string Es) prompt, (string En, string It, string Es) why)
    {
        form.Wording["en"] = new QuestionWording { Prompt = prompt.En, WhyWeAsk = why.En };
        form.Wording["it"] = new QuestionWording { Prompt = prompt.It, WhyWeAsk = why.It };
        form.Wording["es"] = new QuestionWording { Prompt = prompt.Es, WhyWeAsk = why.Es };
        return form;
    }
}
