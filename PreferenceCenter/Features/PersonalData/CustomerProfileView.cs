namespace PreferenceCenter.Features.PersonalData;

/// <summary>A customer's name, email, phone and postal address, decrypted, for the one operation that asked.</summary>
public sealed record CustomerProfileView(string? Name, string? Email, string? Phone, int Version, string? PostalAddress = null);
