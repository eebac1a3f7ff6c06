using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// A row's identity across files: SHA-256 over the address's blind index (a keyed hash, so the key says nothing
/// about the address) and every other field. The line is left out, so the same rows reordered are still known.
/// </summary>
public static class ImportRowKey
{
    public static string For(string emailIndex, ImportRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var text = string.Join('\u001f',
            emailIndex, row.Purpose, row.Channel.ToString(), row.Granted ? "1" : "0", Stamp(row.CapturedAt), row.Source, row.CollectionPoint,
            row.NoticeVersion?.ToString(CultureInfo.InvariantCulture) ?? string.Empty, row.Wording ?? string.Empty,
            row.ConfirmedAt is { } confirmed ? Stamp(confirmed) : string.Empty);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static string Stamp(DateTimeOffset moment) => moment.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);
}
