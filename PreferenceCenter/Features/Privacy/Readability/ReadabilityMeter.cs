using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>Measures a text with its language's formula: Flesch for English, Gulpease for Italian, Fernández-Huerta for Spanish.</summary>
public static class ReadabilityMeter
{
    /// <summary>All three scales put plain adult prose at 60 and above.</summary>
    public const int MinScore = 60;

    /// <summary>An adult reads about 200 words a minute on screen (Brysbaert 2019 puts silent reading at 238 for non-fiction).</summary>
    public const int WordsPerMinute = 200;

    public static ReadabilityReading Measure(string? text, string language)
    {
        var (formula, syllables, score) = language switch
        {
            "it" => ("Gulpease", RomanceSyllables.Italian, ReadabilityFormulas.Gulpease),
            "es" => ("Fernández-Huerta", RomanceSyllables.Spanish, ReadabilityFormulas.FernandezHuerta),
            _ => ("Flesch", (Func<string, int>)EnglishSyllables.Count, (Func<TextCounts, double>)ReadabilityFormulas.Flesch),
        };
        var counts = TextCounts.Of(text, syllables);
        return new ReadabilityReading(
            SupportedCultures.OrDefault(language), formula, counts, Math.Round(score(counts), 1),
            TimeSpan.FromSeconds(Math.Ceiling(counts.Words * 60.0 / WordsPerMinute)));
    }
}
