using System.Security.Cryptography;
using System.Text;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// HMAC-SHA256 of a normalised address under a secret key, as 64 lower-case hex characters. The kind is part of
/// the hashed text, so an email and a phone never share a hash. Without the key the hash cannot be recomputed from a guess.
/// </summary>
public static class KeyedHash
{
    public const int Length = 64;

    public static string? OfEmail(byte[] key, string? email) => Compute(key, "email", ContactNormalizer.Email(email));

    public static string? OfPhone(byte[] key, string? phone) => Compute(key, "phone", ContactNormalizer.Phone(phone));

    private static string? Compute(byte[] key, string kind, string? normalized) =>
        normalized is null ? null : Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{kind}:{normalized}")));
}
