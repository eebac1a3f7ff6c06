namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// What a contact detail typed to switch a channel on must be, and its stored spelling. A phone must be international
/// (E.164: a '+', a country code, 8 to 15 digits in all), because a national number is ambiguous to a sender abroad.
/// A postal address is two to six non-empty lines that fit the column.
/// </summary>
public static class ContactDetailRules
{
    public const int PostalAddressMaxLength = CustomerProfileConfiguration.PostalAddressMaxLength;
    public const int PostalAddressMaxLines = 6;
    public const int PostalAddressLineMaxLength = 100;
    private const int MinimumPhoneDigits = 8;
    private const int MaximumPhoneDigits = 15;

    /// <summary>The problem, or null with <paramref name="clean"/> holding the number as it is stored (trimmed, as typed).</summary>
    public static ProfileChangeOutcome? CheckPhone(string? phone, out string clean)
    {
        clean = (phone ?? string.Empty).Trim();
        var normalized = PhoneNumberText.Normalize(clean);
        var digits = normalized?.Count(char.IsAsciiDigit) ?? 0;
        return normalized is null || !normalized.StartsWith('+') || digits is < MinimumPhoneDigits or > MaximumPhoneDigits
            || clean.Length > ProfileRules.PhoneMaxLength
            ? ProfileChangeOutcome.PhoneNotInternational
            : null;
    }

    /// <summary>The problem, or null with <paramref name="clean"/> holding the address's trimmed lines joined by newlines.</summary>
    public static ProfileChangeOutcome? CheckPostalAddress(string? address, out string clean)
    {
        var lines = (address ?? string.Empty).ReplaceLineEndings("\n").Split('\n')
            .Select(line => line.Trim()).Where(line => line.Length > 0).ToList();
        clean = string.Join('\n', lines);
        return lines.Count is < 2 or > PostalAddressMaxLines || lines.Any(line => line.Length > PostalAddressLineMaxLength || line.Any(char.IsControl))
            || clean.Length > PostalAddressMaxLength
            ? ProfileChangeOutcome.PostalAddressInvalid
            : null;
    }
}
