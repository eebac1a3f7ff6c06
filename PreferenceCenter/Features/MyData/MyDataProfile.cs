namespace PreferenceCenter.Features.MyData;

/// <summary>
/// Who the customer is to us: the pseudonymous id and reference, the personal details we hold, and whether we email a
/// receipt after their changes.
/// </summary>
public sealed record MyDataProfile(
    Guid CustomerId, string Reference, DateTimeOffset CreatedAt, string? PreferredLanguage, string? Name, string? Email, string? Phone,
    string? PostalAddress = null, bool ReceiptsByEmail = true);
