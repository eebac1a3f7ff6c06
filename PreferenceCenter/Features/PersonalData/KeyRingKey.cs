using System.Security.Cryptography;
using System.Text;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// The key that seals ASP.NET Core's Data Protection key ring where it is stored (the app's database): derived from
/// <see cref="PersonalDataKeys.Master"/>, which lives in configuration, never in a database. The key ring signs every
/// emailed link (double opt-in, unsubscribe, erasure) and every sign-in cookie, so a copy of the database file alone
/// must not yield it.
/// </summary>
public static class KeyRingKey
{
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("PreferenceCenter data-protection key ring v1");

    /// <summary>Bound into every sealed key as associated data: a value sealed for anything else does not open here.</summary>
    public static ReadOnlySpan<byte> AssociatedData => Purpose;

    public static byte[] From(PersonalDataKeys keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.Master, 32, salt: [], info: Purpose);
    }
}
