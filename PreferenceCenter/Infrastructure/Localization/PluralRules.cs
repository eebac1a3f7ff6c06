using System.Globalization;

namespace PreferenceCenter.Infrastructure.Localization;

/// <summary>
/// CLDR cardinal plural rules for whole numbers in the languages we write (CLDR 42+ plurals.xml):
/// en "one: i = 1 and v = 0"; it and es "one: n = 1" (it: i = 1 and v = 0), and
/// "many: e = 0 and i != 0 and i % 1000000 = 0 and v = 0" — "1 millón de meses", "1 milione di mesi".
/// Counts are whole numbers, so the decimal operands (v, f, t) are always 0 and the compact exponent e is 0.
/// </summary>
public static class PluralRules
{
    public static PluralCategory Select(CultureInfo culture, long count)
    {
        ArgumentNullException.ThrowIfNull(culture);
        // The operands are taken from the absolute value (CLDR: "n: absolute value of the source number").
        var n = count == long.MinValue ? long.MaxValue : Math.Abs(count);
        if (n == 1)
        {
            return PluralCategory.One;
        }

        return HasMany(culture) && n != 0 && n % 1_000_000 == 0 ? PluralCategory.Many : PluralCategory.Other;
    }

    /// <summary>The categories a language distinguishes for whole numbers: every plural text needs one form per category.</summary>
    public static IReadOnlyList<PluralCategory> Categories(CultureInfo culture) =>
        HasMany(culture) ? [PluralCategory.One, PluralCategory.Many, PluralCategory.Other] : [PluralCategory.One, PluralCategory.Other];

    public static string KeySuffix(PluralCategory category) => category switch
    {
        PluralCategory.One => "one",
        PluralCategory.Many => "many",
        _ => "other",
    };

    private static bool HasMany(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName is "it" or "es";
}
