using System.Security.Cryptography;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// One customer's unwrapped data key for the length of one operation: dispose it when done, and the key bytes are
/// zeroed. This is the only in-memory copy; nothing caches keys between operations.
/// </summary>
public sealed class CustomerCipher : IDisposable
{
    private readonly byte[] dataKey;

    internal CustomerCipher(Guid customerId, byte[] dataKey)
    {
        CustomerId = customerId;
        this.dataKey = dataKey;
    }

    public Guid CustomerId { get; }

    public string? Protect(string? plaintext) => plaintext is null ? null : ProtectedText.Seal(dataKey, CustomerId, plaintext);

    /// <summary>The plaintext; throws <see cref="PersonalDataUnreadableException"/> rather than returning garbage.</summary>
    public string? Unprotect(string? stored) => stored is null ? null : ProtectedText.Open(dataKey, CustomerId, stored);

    public void Dispose() => CryptographicOperations.ZeroMemory(dataKey);
}
