using Microsoft.JSInterop;

namespace PreferenceCenter.Components.Common;

/// <summary>
/// The reader's time zone, from the <c>pc_tz</c> cookie their browser sets (wwwroot/reader-time-zone.js).
/// Unknown or unrecognised zones fall back to UTC, which the screen then names.
/// </summary>
public sealed record ReaderTimeZone(TimeZoneInfo Zone, bool IsKnown)
{
    public const string CookieName = "pc_tz";

    public static readonly ReaderTimeZone Unknown = new(TimeZoneInfo.Utc, false);

    public static ReaderTimeZone From(string? ianaName) =>
        ianaName is { Length: > 0 and < 64 } && TimeZoneInfo.TryFindSystemTimeZoneById(ianaName, out var zone)
            ? new ReaderTimeZone(zone, true)
            : Unknown;

    /// <summary>Asks the live page's browser (wwwroot/reader-time-zone.js), for a first page sent before its cookie was.</summary>
    public static async Task<ReaderTimeZone> FromBrowserAsync(IJSRuntime js)
    {
        ArgumentNullException.ThrowIfNull(js);
        return From(await js.InvokeAsync<string?>("pcReaderTimeZone"));
    }
}
