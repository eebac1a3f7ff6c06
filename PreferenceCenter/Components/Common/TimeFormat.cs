using System.Globalization;

namespace PreferenceCenter.Components.Common;

/// <summary>
/// How times read on screen: "25 Nov 2026, 11:14" on the reader's own clock, or "25 Nov 2026, 10:14 UTC" when
/// their time zone is not known — never a bare time in a zone the reader cannot tell.
/// </summary>
public static class TimeFormat
{
    public static string DateAndTime(DateTimeOffset value, CultureInfo culture, ReaderTimeZone? reader = null)
    {
        ArgumentNullException.ThrowIfNull(culture);
        reader ??= ReaderTimeZone.Unknown;
        var local = TimeZoneInfo.ConvertTime(value, reader.Zone);
        var text = local.ToString("d MMM yyyy, HH:mm", culture);
        return reader.IsKnown ? text : text + " UTC";
    }

    public static string Date(DateTimeOffset value, CultureInfo culture) =>
        value.ToUniversalTime().ToString("d MMMM yyyy", culture);

    public static string ShortDate(DateTimeOffset value, CultureInfo culture) =>
        value.ToUniversalTime().ToString("d MMM yyyy", culture);
}
