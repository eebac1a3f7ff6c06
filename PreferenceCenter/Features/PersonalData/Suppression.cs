namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// A one-way fingerprint of an erased customer's email or phone (keyed HMAC, key <c>PersonalData:SuppressionKey</c>).
/// It names no customer: it only lets a sign-up or an import of that address be recognised as previously erased.
/// </summary>
public sealed class Suppression
{
    public required string Hash { get; init; }
    public SuppressedContact Kind { get; init; }
    public DateTimeOffset SuppressedAt { get; init; }
}
