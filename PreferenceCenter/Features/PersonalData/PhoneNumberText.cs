using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// What the console accepts as a phone number, in the one spelling the blind index uses
/// (<see cref="ContactNormalizer.Phone"/>): "+39 333 123-4512" and "0039 (333) 1234512" both become "+393331234512".
/// Nothing is guessed: a national number stays national.
/// </summary>
public static class PhoneNumberText
{
    /// <summary>Characters people type between digits; they never change which number it is.</summary>
    public const string Separators = " -.()/";

    /// <summary>The normalised number, or null when <paramref name="phone"/> holds anything but digits, separators and one leading '+'.</summary>
    public static string? Normalize(string? phone)
    {
        var typed = (phone ?? string.Empty).Trim();
        var body = typed.StartsWith('+') ? typed[1..] : typed;
        if (!body.All(c => char.IsAsciiDigit(c) || Separators.Contains(c, StringComparison.Ordinal)))
        {
            return null;
        }

        var normalized = ContactNormalizer.Phone(typed);
        return normalized?.TrimStart('+').Length > 0 ? normalized : null;
    }

    /// <summary>The ITU country code at the start of an international number's digits: one, two or three digits.</summary>
    public static int CountryCodeLength(string digits)
    {
        ArgumentNullException.ThrowIfNull(digits);
        if (digits.Length < 2 || digits[0] is '1' or '7')
        {
            return 1;
        }

        return TwoDigitCodes.Contains(digits[..2], StringComparer.Ordinal) ? 2 : 3;
    }

    private static readonly string[] TwoDigitCodes =
    [
        "20", "27", "30", "31", "32", "33", "34", "36", "39", "40", "41", "43", "44", "45", "46", "47", "48", "49",
        "51", "52", "53", "54", "55", "56", "57", "58", "60", "61", "62", "63", "64", "65", "66", "81", "82", "84",
        "86", "90", "91", "92", "93", "94", "95", "98",
    ];
}
