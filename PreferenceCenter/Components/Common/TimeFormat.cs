using System.Globalization;

namespace PreferenceCenter.Components.Common;

/// <summary>
/// How times read on screen: "25 Nov 2026, 10:14 UTC". The zone is always shown, because the server does not
/// know the reader's and a bare "10:14" would be wrong for most of them.
/// </summary>
public static class TimeFormat
{
    public static string DateAndTime(DateTimeOffset value, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var utc = value.ToUniversalTime();
        return $"{utc.ToString("d MMM yyyy, HH:mm", culture)} UTC";
    }

    public static string Date(DateTimeOffset value, CultureInfo culture) =>
        value.ToUniversalTime().ToString("d MMMM yyyy", culture);

    public static string ShortDate(DateTimeOffset value, CultureInfo culture) =>
        value.ToUniversalTime().ToString("d MMM yyyy", culture);
}
