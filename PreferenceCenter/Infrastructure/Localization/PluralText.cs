using System.Globalization;
using Microsoft.Extensions.Localization;

namespace PreferenceCenter.Infrastructure.Localization;

/// <summary>
/// A sentence with a count, in the form the reader's language uses for that count: the key "Erasure.When.Text"
/// stands for "Erasure.When.Text.one", ".many" (Italian, Spanish) and ".other" in the .resx files, and {0} is the
/// count written the reader's way ("1,000,000", "1.000.000"). Never "month(s)" or "mese/i".
/// </summary>
public static class PluralText
{
    public static string Plural(this IStringLocalizer localizer, string key, long count, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(localizer);
        ArgumentNullException.ThrowIfNull(more);
        var culture = CultureInfo.CurrentUICulture;
        var category = PluralRules.Select(culture, count);
        object[] arguments = [count.ToString("N0", CultureInfo.CurrentCulture), .. more];
        var text = localizer[$"{key}.{PluralRules.KeySuffix(category)}", arguments];
        // A language without a "many" form in the resources still reads correctly in its "other" form.
        return text.ResourceNotFound && category != PluralCategory.Other
            ? localizer[$"{key}.{PluralRules.KeySuffix(PluralCategory.Other)}", arguments]
            : text;
    }
}
