namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Encrypts and decrypts a customer's personal data with their own key from <see cref="CustomerKeyStore"/>. The one
/// place that decides how personal data is sealed (<see cref="ProtectedText"/>); services ask it for a
/// <see cref="CustomerCipher"/> per operation.
/// </summary>
public sealed class PersonalDataProtector(CustomerKeyStore keys)
{
    /// <summary>A cipher that can write: makes the customer's key on first use; throws for an erased customer.</summary>
    public async Task<CustomerCipher> ForWritingAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        new(customerId, await keys.GetOrCreateAsync(customerId, cancellationToken));

    /// <summary>Ciphers that can write for many customers, keys made in one transaction; erased customers are left out. Dispose each.</summary>
    public async Task<IReadOnlyDictionary<Guid, CustomerCipher>> ForWritingManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default) =>
        (await keys.GetOrCreateManyAsync(customerIds, cancellationToken)).ToDictionary(k => k.Key, k => new CustomerCipher(k.Key, k.Value));

    /// <summary>A cipher that can read, or null when the customer has no key (never had data, or erased: the data is gone for good).</summary>
    public async Task<CustomerCipher?> ForReadingAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        var (key, _) = await keys.FindAsync(customerId, cancellationToken);
        return key is null ? null : new CustomerCipher(customerId, key);
    }

    /// <summary>
    /// Ciphers that can read, for many customers at once (one read of the key store); customers without a key are
    /// absent. Dispose every cipher when done.
    /// </summary>
    public async Task<Dictionary<Guid, CustomerCipher>> ForReadingManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default) =>
        (await keys.FindManyAsync(customerIds, cancellationToken)).ToDictionary(k => k.Key, k => new CustomerCipher(k.Key, k.Value));

    public async Task<string?> ProtectAsync(Guid customerId, string? plaintext, CancellationToken cancellationToken = default)
    {
        if (plaintext is null)
        {
            return null;
        }

        using var cipher = await ForWritingAsync(customerId, cancellationToken);
        return cipher.Protect(plaintext);
    }

    /// <summary>The plaintext; throws <see cref="PersonalDataUnreadableException"/> when the key is gone or is not the one it was sealed with.</summary>
    public async Task<string?> UnprotectAsync(Guid customerId, string? stored, CancellationToken cancellationToken = default)
    {
        if (stored is null)
        {
            return null;
        }

        using var cipher = await ForReadingAsync(customerId, cancellationToken)
            ?? throw new PersonalDataUnreadableException($"Customer {customerId} has no key (erased): their data cannot be read.");
        return cipher.Unprotect(stored);
    }
}
