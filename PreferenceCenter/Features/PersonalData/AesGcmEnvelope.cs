using System.Security.Cryptography;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// The one AES-GCM layout used for both wrapped keys and protected text: nonce (12) | ciphertext | tag (16). The
/// associated data binds a sealed value to where it belongs (its customer), so a value copied to another customer's row fails to open.
/// </summary>
public static class AesGcmEnvelope
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static int SealedLength(int plaintextLength) => NonceSize + plaintextLength + TagSize;

    public static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var sealedBytes = new byte[SealedLength(plaintext.Length)];
        var nonce = sealedBytes.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(NonceSize, plaintext.Length), sealedBytes.AsSpan(NonceSize + plaintext.Length), associatedData);
        return sealedBytes;
    }

    /// <summary>The plaintext, or null when the key is wrong, the data was altered or it belongs elsewhere.</summary>
    public static byte[]? Open(byte[] key, ReadOnlySpan<byte> sealedBytes, ReadOnlySpan<byte> associatedData)
    {
        if (sealedBytes.Length < NonceSize + TagSize)
        {
            return null;
        }

        var length = sealedBytes.Length - NonceSize - TagSize;
        var plaintext = new byte[length];
        using var aes = new AesGcm(key, TagSize);
        try
        {
            aes.Decrypt(sealedBytes[..NonceSize], sealedBytes.Slice(NonceSize, length), sealedBytes[(NonceSize + length)..], plaintext, associatedData);
            return plaintext;
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }
}
