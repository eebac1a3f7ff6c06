using System.Globalization;

namespace PreferenceCenter.Features.Ledger;

/// <summary>How a moment is written into an entry's before/after values: ISO 8601 UTC to the millisecond, stable for hashing.</summary>
public static class LedgerTime
{
    private const string IsoFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset moment) => moment.UtcDateTime.ToString(IsoFormat, CultureInfo.InvariantCulture);

    public static DateTimeOffset? Parse(string? value) =>
        DateTimeOffset.TryParseExact(value, IsoFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var moment)
            ? moment
            : null;
}
