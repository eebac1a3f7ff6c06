using System.Globalization;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Infrastructure.Localization;

public static class SupportedCultures
{
    public const string Default = "en";

    /// <summary>Every language the UI, the notice and the emails are written in.</summary>
    public static readonly IReadOnlyList<string> Names = ["en", "it", "es"];

    public static bool IsSupported(string? culture) => culture is not null && Names.Contains(culture);

    /// <summary>The culture when we write in it, otherwise <see cref="Default"/>.</summary>
    public static string OrDefault(string? culture) => IsSupported(culture) ? culture! : Default;

    /// <summary>A language's own name, capitalised as a label: "English", "Italiano", "Español".</summary>
    public static string NativeName(string culture)
    {
        var info = new CultureInfo(culture);
        return char.ToUpper(info.NativeName[0], info) + info.NativeName[1..];
    }
}
