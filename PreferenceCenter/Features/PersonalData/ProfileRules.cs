namespace PreferenceCenter.Features.PersonalData;

/// <summary>The rules a profile edit must meet, and its stored spelling: trimmed, empty as null.</summary>
public static class ProfileRules
{
    public const int NameMaxLength = CustomerProfileConfiguration.NameMaxLength;
    public const int PhoneMaxLength = CustomerProfileConfiguration.PhoneMaxLength;
    public const int EmailMaxLength = CustomerProfileConfiguration.EmailMaxLength;

    /// <summary>The problem, or null with <paramref name="clean"/> holding the trimmed edit.</summary>
    public static ProfileChangeOutcome? Check(ProfileEdit edit, out ProfileEdit clean)
    {
        ArgumentNullException.ThrowIfNull(edit);
        clean = new ProfileEdit(Tidy(edit.Name), Tidy(edit.Phone));
        if (clean.Name?.Length > NameMaxLength)
        {
            return ProfileChangeOutcome.NameTooLong;
        }

        // A phone must keep at least a few digits once normalised, and fit the column.
        var normalized = ContactNormalizer.Phone(clean.Phone);
        return clean.Phone is not null && (normalized is null || normalized.Count(char.IsAsciiDigit) < 3 || clean.Phone.Length > PhoneMaxLength)
            ? ProfileChangeOutcome.PhoneInvalid
            : null;
    }

    private static string? Tidy(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
