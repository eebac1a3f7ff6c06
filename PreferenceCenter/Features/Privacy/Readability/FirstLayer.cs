using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy.Readability;

/// <summary>The first layer of a notice (each purpose's title and one-sentence summary) judged per language.</summary>
public static class FirstLayer
{
    public static FirstLayerVerdict Judge(string language, IEnumerable<(string Title, string Summary)> purposes)
    {
        ArgumentNullException.ThrowIfNull(purposes);
        var list = purposes.ToList();
        // Titles are headings, not sentences: they count as words to read but would flatter the score as one-word sentences.
        var summaries = string.Join(' ', list.Select(p => AsSentence(p.Summary)));
        var words = list.Sum(p => WordCount(p.Title) + WordCount(p.Summary));
        return new FirstLayerVerdict(language, ReadabilityMeter.Measure(summaries, language), words);
    }

    /// <summary>Every language the app offers; a purpose without text in one is read in English, as customers would.</summary>
    public static IReadOnlyList<FirstLayerVerdict> Judge(CatalogDocument catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. SupportedCultures.Names.Select(language => Judge(language, catalog.Purposes
            .Select(p => p.Texts.GetValueOrDefault(language) ?? p.Texts.GetValueOrDefault(SupportedCultures.Default))
            .Where(t => t is not null)
            .Select(t => (t!.Title, t.Summary))))];
    }

    private static int WordCount(string? text) => (text ?? string.Empty).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    private static string AsSentence(string? summary)
    {
        var trimmed = (summary ?? string.Empty).Trim();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' or '…' ? trimmed : trimmed + ".";
    }
}
