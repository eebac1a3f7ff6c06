namespace PreferenceCenter.Features.Privacy;

/// <summary>A named third party data may be shared with, so "sharing" is never with "partners" in general.</summary>
public sealed class Recipient
{
    public const int NameMaxLength = 100;

    public int Id { get; init; }
    public required string Name { get; set; }
    public required string Country { get; set; }
    public Uri? PrivacyPolicy { get; set; }
}
