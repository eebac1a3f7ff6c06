using System.Text;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// One spelling per address before it is hashed, so lookups and suppression match however it was typed.
/// Email: trimmed, Unicode NFC, lower-case (we treat the local part as case-insensitive, as every mail host we send to does).
/// Phone, "E.164-ish": every character but digits dropped, a leading <c>+</c> kept, a leading <c>00</c> read as <c>+</c>;
/// no country is guessed, so a national number without its prefix stays a different string from its international form.
/// </summary>
public static class ContactNormalizer
{
    public static string? Email(string? email)
    {
        var trimmed = email?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed.Normalize(NormalizationForm.FormC).ToLowerInvariant();
    }

    public static string? Phone(string? phone)
    {
        var trimmed = phone?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        if (digits.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith('+'))
        {
            return "+" + digits;
        }

        return digits.StartsWith("00", StringComparison.Ordinal) ? "+" + digits[2..] : digits;
    }
}
