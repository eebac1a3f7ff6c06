using System.Text;

namespace PreferenceCenter.Features.Preferences.Questionnaire;

/// <summary>Readable keys for the ledger ("preferred-store"), made once from the English text and never changed.</summary>
public static class StableKeys
{
    public const int MaxLength = 40;

    public static string From(string? english, IReadOnlySet<string> taken, string fallback)
    {
        ArgumentNullException.ThrowIfNull(taken);
        var slug = new StringBuilder();
        foreach (var c in (english ?? string.Empty).Normalize(NormalizationForm.FormD).ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(c);
            }
            else if (char.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark && slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var stem = slug.ToString().Trim('-');
        if (stem.Length > MaxLength - 3)
        {
            // Cut at a word boundary, leaving room for a "-2" suffix.
            var cut = stem[..(MaxLength - 3)];
            stem = cut.LastIndexOf('-') is > 0 and var dash ? cut[..dash] : cut;
        }

        stem = stem.Length == 0 ? fallback : stem;
        var key = stem;
        for (var n = 2; taken.Contains(key); n++)
        {
            key = $"{stem}-{n}";
        }

        return key;
    }
}
