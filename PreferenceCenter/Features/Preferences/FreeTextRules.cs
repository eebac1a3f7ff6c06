using System.Text.RegularExpressions;

namespace PreferenceCenter.Features.Preferences;

/// <summary>
/// Free text is shown as text, never rendered; markup is refused anyway, so no later reader (an export, an email,
/// another system) can be tricked into rendering it.
/// </summary>
public static partial class FreeTextRules
{
    /// <summary>
    /// Tags, comments, declarations and processing instructions ("&lt;b&gt;", "&lt;/p", "&lt;!--", "&lt;?xml") — as a
    /// browser would read them, so "a &lt; b" stays allowed.
    /// </summary>
    public static bool ContainsMarkup(string? text) => text is not null && Markup().IsMatch(text);

    /// <summary>Trims, and treats whitespace-only as nothing.</summary>
    public static string? Normalise(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    [GeneratedRegex(@"<[A-Za-z/!?]")]
    private static partial Regex Markup();
}
