using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace PreferenceCenter.Components.Account;

/// <summary>
/// The code an emailed account link carries (confirm, change address, reset password): Identity's token,
/// Base64Url-encoded for the address bar. A link cut short or tampered with gives null, never an exception.
/// </summary>
internal static class AccountLinkCode
{
    /// <summary>Far above any token Identity issues; a longer one is not ours.</summary>
    public const int MaxLength = 2048;

    public static string? Decode(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > MaxLength)
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
