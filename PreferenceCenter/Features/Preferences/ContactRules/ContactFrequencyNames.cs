namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>The stable words the ledger records for a frequency (hashed, so they never change).</summary>
public static class ContactFrequencyNames
{
    public static string Of(ContactFrequency frequency) => frequency switch
    {
        ContactFrequency.AsItHappens => "as-it-happens",
        ContactFrequency.WeeklyDigest => "weekly",
        ContactFrequency.Monthly => "monthly",
        ContactFrequency.NeverForMarketing => "never-marketing",
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
    };

    public static ContactFrequency? Parse(string? name) =>
        Enum.GetValues<ContactFrequency>().Cast<ContactFrequency?>().FirstOrDefault(f => Of(f!.Value) == name);
}
