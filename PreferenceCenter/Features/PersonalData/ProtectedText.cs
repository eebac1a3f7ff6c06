using System.Text;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// The stored form of a protected string: <c>pd1:</c> + base64(nonce | AES-GCM ciphertext of the UTF-8 text | tag),
/// sealed with the customer's data key and their id as associated data. The version prefix lets a later format
/// (another algorithm, a rotated key) live beside this one.
/// </summary>
public static class ProtectedText
{
    public const string Prefix = "pd1:";

    /// <summary>The column length a protected value needs for plaintext of at most <paramref name="characters"/> UTF-16 chars.</summary>
    public static int MaxLengthFor(int characters) =>
        Prefix.Length + (4 * ((AesGcmEnvelope.SealedLength(characters * 3) + 2) / 3));

    /// <summary>Whether a stored value is in this sealed form (text stored before sealing began is not).</summary>
    public static bool IsSealed(string? stored) => stored?.StartsWith(Prefix, StringComparison.Ordinal) == true;

    public static string Seal(byte[] dataKey, Guid customerId, string plaintext) =>
        Prefix + Convert.ToBase64String(AesGcmEnvelope.Seal(dataKey, Encoding.UTF8.GetBytes(plaintext), customerId.ToByteArray()));

    public static string Open(byte[] dataKey, Guid customerId, string stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new PersonalDataUnreadableException($"Customer {customerId}'s value is not in a protected format this version reads.");
        }

        byte[] sealedBytes;
        try
        {
            sealedBytes = Convert.FromBase64String(stored[Prefix.Length..]);
        }
        catch (FormatException e)
        {
            throw new PersonalDataUnreadableException($"Customer {customerId}'s protected value is damaged.", e);
        }

        var plaintext = AesGcmEnvelope.Open(dataKey, sealedBytes, customerId.ToByteArray())
            ?? throw new PersonalDataUnreadableException($"Customer {customerId}'s value was not sealed with their key (wrong key, altered, or another customer's).");
        return Encoding.UTF8.GetString(plaintext);
    }
}
