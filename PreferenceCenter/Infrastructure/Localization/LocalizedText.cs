namespace PreferenceCenter.Infrastructure.Localization;

/// <summary>Picks the text in the reader's language, falling back to English, which every published text has.</summary>
public static class LocalizedText
{
    public static T? Pick<T>(IEnumerable<T> texts, Func<T, string> cultureOf, string language) where T : class
    {
        var list = texts as IReadOnlyCollection<T> ?? [.. texts];
        return list.FirstOrDefault(t => cultureOf(t) == language) ?? list.FirstOrDefault(t => cultureOf(t) == SupportedCultures.Default);
    }
}
