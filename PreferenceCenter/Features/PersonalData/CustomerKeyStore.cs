using System.Security.Cryptography;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// One random data key per customer, in a database of its own, each wrapped (AES-GCM) by the master key from
/// configuration and bound to its customer id. Destroying a key leaves a tombstone (the id, no key) so that no
/// late write can quietly mint a new key for an erased customer, and scrubs the old bytes from storage.
/// The rules live here; <see cref="SqliteCustomerKeyStore"/> and <see cref="PostgreSqlCustomerKeyStore"/> store the
/// wrapped bytes and make their database forget them (chosen by <c>Database:Provider</c> in AddPersonalData).
/// </summary>
public abstract class CustomerKeyStore(PersonalDataKeys keys, TimeProvider time)
{
    public abstract string ConnectionString { get; }

    /// <summary>Creates or upgrades the store; called at start-up like the main database's migrations.</summary>
    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>The customer's data key, created on first use; throws for a customer whose key was destroyed.</summary>
    public async Task<byte[]> GetOrCreateAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        var existing = await FindAsync(customerId, cancellationToken);
        if (existing.Key is not null)
        {
            return existing.Key;
        }

        if (existing.Destroyed)
        {
            throw new PersonalDataUnreadableException($"Customer {customerId} was erased: their key is destroyed and no new one is made.");
        }

        // If-absent: when two first writes race, the first key stays and both read it back below.
        await InsertIfAbsentAsync(customerId, NewWrappedKey(customerId), time.GetUtcNow(), cancellationToken);
        return await GetOrCreateAsync(customerId, cancellationToken);
    }

    /// <summary>
    /// The data keys of many customers at once, each created on first use, in one transaction (a bulk import would
    /// otherwise pay one commit per new customer). Customers whose key was destroyed are left out: nothing is made for them.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, byte[]>> GetOrCreateManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var candidates = customerIds.Distinct().Select(id => (id, NewWrappedKey(id))).ToList();
        var stored = await InsertManyIfAbsentAsync(candidates, time.GetUtcNow(), cancellationToken);
        return stored.ToDictionary(s => s.Key, s => Unwrap(s.Key, s.Value));
    }

    /// <summary>The customer's data key; null key when they have none, with <c>Destroyed</c> set when it was destroyed.</summary>
    public async Task<(byte[]? Key, bool Destroyed)> FindAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        var (exists, wrapped) = await ReadAsync(customerId, cancellationToken);
        if (!exists)
        {
            return (null, false);
        }

        return wrapped is null ? (null, true) : (Unwrap(customerId, wrapped), false);
    }

    /// <summary>
    /// The data keys of many customers in one statement (a list export): customers without a key (never had data, or
    /// erased) are simply absent.
    /// </summary>
    public async Task<Dictionary<Guid, byte[]>> FindManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var found = new Dictionary<Guid, byte[]>(customerIds.Count);
        if (customerIds.Count == 0)
        {
            return found;
        }

        foreach (var (id, wrapped) in await ReadManyAsync(customerIds, cancellationToken))
        {
            found[id] = Unwrap(id, wrapped);
        }

        return found;
    }

    /// <summary>
    /// Destroys the key, leaving the tombstone, and makes the store's files forget the wrapped bytes. Idempotent (a
    /// repeat scrubs again); returns false when there was no key left to destroy.
    /// </summary>
    public Task<bool> DestroyAsync(Guid customerId, CancellationToken cancellationToken = default) =>
        DestroyAndForgetAsync(customerId, time.GetUtcNow(), cancellationToken);

    /// <summary>Stores the wrapped key unless the customer already has a row (a key or a tombstone).</summary>
    protected abstract Task InsertIfAbsentAsync(Guid customerId, byte[] wrappedKey, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>
    /// In one transaction, stores each wrapped key unless its customer already has a row, and returns the wrapped
    /// key each customer now has (the one just stored or the older one); tombstones are left out.
    /// </summary>
    protected abstract Task<IReadOnlyDictionary<Guid, byte[]>> InsertManyIfAbsentAsync(
        IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)> candidates, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Whether the customer has a row, and its wrapped key (null for a tombstone).</summary>
    protected abstract Task<(bool Exists, byte[]? WrappedKey)> ReadAsync(Guid customerId, CancellationToken cancellationToken);

    /// <summary>The wrapped keys of those customers who have one, in one statement.</summary>
    protected abstract Task<IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)>> ReadManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken);

    /// <summary>Replaces the key with a tombstone (or writes one), then scrubs storage; true when a key was there.</summary>
    protected abstract Task<bool> DestroyAndForgetAsync(Guid customerId, DateTimeOffset at, CancellationToken cancellationToken);

    private byte[] NewWrappedKey(Guid customerId)
    {
        var dataKey = RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength);
        try
        {
            return Wrap(customerId, dataKey);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    private byte[] Wrap(Guid customerId, byte[] dataKey) => AesGcmEnvelope.Seal(keys.Master, dataKey, customerId.ToByteArray());

    private byte[] Unwrap(Guid customerId, byte[] wrapped) =>
        AesGcmEnvelope.Open(keys.Master, wrapped, customerId.ToByteArray())
        ?? throw new PersonalDataUnreadableException(
            $"Customer {customerId}'s key cannot be unwrapped: PersonalData:MasterKey is not the key the store was written with.");
}
