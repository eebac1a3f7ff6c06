using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Features.Privacy.Editor;

/// <summary>Reads and changes one text of a catalog, returning a new catalog: drafts are values, compared and kept whole.</summary>
public static class CatalogEdits
{
    private static readonly CatalogDocument.PurposeTextEntry Blank = new(string.Empty, string.Empty, string.Empty, string.Empty);

    public static readonly IReadOnlyList<NoticeField> PurposeFields =
        [NoticeField.Title, NoticeField.Summary, NoticeField.DataUsed, NoticeField.Retention, NoticeField.IfYouSayNo];

    /// <summary>The text, or empty where the purpose, the language or the field is missing.</summary>
    public static string Get(CatalogDocument catalog, string? purposeKey, string language, NoticeField field)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (field == NoticeField.LegalText)
        {
            return catalog.Notice.GetValueOrDefault(language)?.LegalText ?? string.Empty;
        }

        var text = catalog.Purposes.FirstOrDefault(p => p.Key == purposeKey)?.Texts.GetValueOrDefault(language);
        return text is null ? string.Empty : field switch
        {
            NoticeField.Title => text.Title,
            NoticeField.Summary => text.Summary,
            NoticeField.DataUsed => text.DataUsed,
            NoticeField.Retention => text.Retention,
            _ => text.IfYouSayNo ?? string.Empty,
        };
    }

    public static CatalogDocument Set(CatalogDocument catalog, string? purposeKey, string language, NoticeField field, string value)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (!SupportedCultures.IsSupported(language))
        {
            throw new ArgumentOutOfRangeException(nameof(language), language, "Not a language the app offers.");
        }

        if (field == NoticeField.LegalText)
        {
            var notice = new Dictionary<string, CatalogDocument.NoticeEntry>(catalog.Notice);
            var title = notice.GetValueOrDefault(language)?.Title ?? catalog.Notice.GetValueOrDefault(SupportedCultures.Default)?.Title ?? string.Empty;
            notice[language] = new CatalogDocument.NoticeEntry(title, value);
            return catalog with { Notice = notice };
        }

        return catalog with
        {
            Purposes = [.. catalog.Purposes.Select(p => p.Key != purposeKey ? p : p with { Texts = WithText(p.Texts, language, field, value) })],
        };
    }

    private static Dictionary<string, CatalogDocument.PurposeTextEntry> WithText(
        IReadOnlyDictionary<string, CatalogDocument.PurposeTextEntry> texts, string language, NoticeField field, string value)
    {
        var copy = new Dictionary<string, CatalogDocument.PurposeTextEntry>(texts);
        var text = copy.GetValueOrDefault(language) ?? Blank;
        copy[language] = field switch
        {
            NoticeField.Title => text with { Title = value },
            NoticeField.Summary => text with { Summary = value },
            NoticeField.DataUsed => text with { DataUsed = value },
            NoticeField.Retention => text with { Retention = value },
            _ => text with { IfYouSayNo = string.IsNullOrWhiteSpace(value) ? null : value },
        };
        return copy;
    }

    /// <summary>Every text that differs, as "purpose.language.Field" or "notice.language.LegalText", in catalog order.</summary>
    public static IReadOnlyList<string> Changes(CatalogDocument before, CatalogDocument after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var changes = new List<string>();
        foreach (var purpose in after.Purposes)
        {
            foreach (var language in SupportedCultures.Names)
            {
                changes.AddRange(PurposeFields
                    .Where(f => Get(before, purpose.Key, language, f) != Get(after, purpose.Key, language, f))
                    .Select(f => $"{purpose.Key}.{language}.{f}"));
            }
        }

        changes.AddRange(SupportedCultures.Names
            .Where(l => Get(before, null, l, NoticeField.LegalText) != Get(after, null, l, NoticeField.LegalText))
            .Select(l => $"notice.{l}.{NoticeField.LegalText}"));
        return changes;
    }
}
