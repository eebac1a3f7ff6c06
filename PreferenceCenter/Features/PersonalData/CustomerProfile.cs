namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// A customer's name, email, phone and postal address, each encrypted with the customer's own key (<see cref="PersonalDataProtector"/>),
/// and the blind-index hashes that find a customer by email or phone without storing either.
/// </summary>
public sealed class CustomerProfile
{
    public Guid CustomerId { get; init; }
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? PostalAddress { get; set; }
    public string? EmailIndex { get; set; }
    public string? PhoneIndex { get; set; }
    public DateTimeOffset ChangedAt { get; set; }
    public int Version { get; set; }
}
