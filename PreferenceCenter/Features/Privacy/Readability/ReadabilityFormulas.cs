namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>Each language's own reading-ease formula; higher is easier, and 60 reads as plain to an adult in all three.</summary>
public static class ReadabilityFormulas
{
    /// <summary>Flesch reading ease (Flesch 1948), English.</summary>
    public static double Flesch(TextCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Words == 0 ? 0 : 206.835 - (1.015 * counts.Words / counts.Sentences) - (84.6 * counts.Syllables / counts.Words);
    }

    /// <summary>Gulpease (Lucisano and Piemontese 1988), Italian: counts letters, not syllables.</summary>
    public static double Gulpease(TextCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Words == 0 ? 0 : 89 + (((300.0 * counts.Sentences) - (10.0 * counts.Letters)) / counts.Words);
    }

    /// <summary>
    /// Fernández-Huerta (1959), Spanish, as corrected by Gwillim Law ("Error in the Fernandez Huerta Readability
    /// Formula", LINGUIST List 22.2332, 2 June 2011): L = 206.84 − 0.60·P − 1.02·F with P the syllables per 100 words
    /// and F the words per sentence. The 1959 print took F as sentences per 100 words, which scores longer sentences
    /// as easier; Law's correction makes it the Flesch analogue it was meant to be.
    /// </summary>
    public static double FernandezHuerta(TextCounts counts)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts.Words == 0 ? 0 : 206.84 - (0.60 * (100.0 * counts.Syllables / counts.Words)) - (1.02 * counts.Words / counts.Sentences);
    }
}
