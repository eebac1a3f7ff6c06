namespace PreferenceCenter.Features.Support;

/// <summary>A customer's email address and phone number as on file; either may be missing.</summary>
public sealed record CustomerContact(string? Email, string? Phone)
{
    public static CustomerContact None { get; } = new(null, null);
}
