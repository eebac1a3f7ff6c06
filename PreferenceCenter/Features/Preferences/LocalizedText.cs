using PreferenceCenter.Features.Localization;

namespace PreferenceCenter.Features.Preferences;

/// <summary>Picks the reader's language, falling back to English (every text has one: <see cref="QuestionRules"/>).</summary>
internal static class LocalizedText
{
    public static T? Pick<T>(IEnumerable<T> texts, Func<T, string> cultureOf, string language) where T : class
    {
        var list = texts as IReadOnlyCollection<T> ?? [.. texts];
        return list.FirstOrDefault(t => cultureOf(t) == language) ?? list.FirstOrDefault(t => cultureOf(t) == SupportedCultures.Default);
    }
}
