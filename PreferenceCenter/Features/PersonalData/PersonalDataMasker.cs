namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// How the console shows personal data until an agent reveals it: enough to confirm with a caller, never enough to
/// read out. Masks have a fixed shape, so they do not give away a value's length. Null means nothing on file.
/// </summary>
public static class PersonalDataMasker
{
    public const string Hidden = "•••";

    /// <summary>"mario.rossi@example.com" → "m•••@e•••.com"; parts too short to keep a letter show none.</summary>
    public static string? MaskEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return Hidden;
        }

        var domain = email[(at + 1)..];
        var dot = domain.LastIndexOf('.');
        var topLevel = dot > 0 && dot < domain.Length - 1 ? domain[dot..] : string.Empty;
        var name = topLevel.Length == 0 ? domain : domain[..dot];
        return $"{Initial(email[..at])}@{Initial(name)}{topLevel}";
    }

    /// <summary>"+39 333 123 4512" → "+39 ••• ••• •12": the country code and the last two digits.</summary>
    public static string? MaskPhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone))
        {
            return null;
        }

        var normalized = PhoneNumberText.Normalize(phone);
        var international = normalized?.StartsWith('+') == true;
        var digits = (international ? normalized![1..] : normalized) ?? string.Empty;
        var countryCode = international ? PhoneNumberText.CountryCodeLength(digits) : 0;
        var prefix = international ? $"+{digits[..countryCode]} " : string.Empty;
        var subscriber = digits[countryCode..];

        // Too short to hide anything if two digits showed (or not a number at all): show none.
        return subscriber.Length < MinimumDigitsToShowEnding
            ? prefix + $"{Hidden} {Hidden} {Hidden}"
            : prefix + $"{Hidden} {Hidden} •{subscriber[^2..]}";
    }

    /// <summary>"Via Roma 1\n20121 Milano" → "V••• … 2•••": the first letter of the first and of the last line.</summary>
    public static string? MaskPostalAddress(string? address)
    {
        var lines = (address ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length == 0 ? null : lines.Length == 1 ? lines[0][0] + Hidden : $"{lines[0][0]}{Hidden} … {lines[^1][0]}{Hidden}";
    }

    /// <summary>Free text a customer wrote may say anything about them: support sees only that there is some.</summary>
    public static string? MaskFreeText(string? text) => string.IsNullOrWhiteSpace(text) ? null : Hidden;

    private const int MinimumDigitsToShowEnding = 6;
    private const int MinimumLengthToShowInitial = 3;

    private static string Initial(string part) =>
        part.Length >= MinimumLengthToShowInitial ? part[0] + Hidden : Hidden;
}
