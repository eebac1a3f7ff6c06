namespace PreferenceCenter.Features.MyData;

/// <summary>Who the customer is to us: the pseudonymous id and reference, and the personal details we hold.</summary>
public sealed record MyDataProfile(
    Guid CustomerId, string Reference, DateTimeOffset CreatedAt, string? PreferredLanguage, string? Name, string? Email, string? Phone,
    string? PostalAddress = null);
