using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// Where a sender's last pull ended: the ledger's sequence at that moment (every change that can move a customer on or
/// off the list is a ledger entry, committed with it) and the time it was taken (a pause that ends or a consent that
/// lapses moves a customer without anyone writing). Opaque to senders: base64url of <c>s1:{sequence}:{unix ms}</c>.
/// </summary>
public sealed record SuppressionCursor(long Sequence, DateTimeOffset AsOf)
{
    private const string Version = "s1";

    public override string ToString() =>
        Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
            string.Create(CultureInfo.InvariantCulture, $"{Version}:{Sequence}:{AsOf.ToUnixTimeMilliseconds()}")));

    /// <summary>Reads a cursor this app wrote; false for anything else (the caller answers 400, never a guess).</summary>
    public static bool TryParse(string? value, out SuppressionCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !Base64Url.IsValid(value))
        {
            return false;
        }

        var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(value)).Split(':');
        if (parts is not [Version, var sequence, var asOf]
            || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var seq)
            || !long.TryParse(asOf, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            || ms > DateTimeOffset.MaxValue.ToUnixTimeMilliseconds())
        {
            return false;
        }

        cursor = new SuppressionCursor(seq, DateTimeOffset.FromUnixTimeMilliseconds(ms));
        return true;
    }
}
