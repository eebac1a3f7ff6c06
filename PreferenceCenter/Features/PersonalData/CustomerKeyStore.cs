using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// One random data key per customer, in its own SQLite database, each wrapped (AES-GCM) by the master key from
/// configuration and bound to its customer id. Destroying a key leaves a tombstone (the id, no key) so that no
/// late write can quietly mint a new key for an erased customer, and scrubs the old bytes from the file and its WAL.
/// </summary>
public sealed class CustomerKeyStore(string connectionString, PersonalDataKeys keys, TimeProvider time)
{
    private const int SchemaVersion = 1;

    public string ConnectionString => connectionString;

    /// <summary>Creates or upgrades the store; called at start-up like the main database's migrations.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA journal_mode=WAL;", cancellationToken);
        await ExecuteAsync(connection, $"""
            CREATE TABLE IF NOT EXISTS CustomerKeys (
                CustomerId TEXT NOT NULL PRIMARY KEY,
                WrappedKey BLOB NULL,
                CreatedAt INTEGER NOT NULL,
                DestroyedAt INTEGER NULL);
            PRAGMA user_version = {SchemaVersion};
            """, cancellationToken);
    }

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

        var dataKey = RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength);
        await using (var connection = await OpenAsync(cancellationToken))
        {
            await using var insert = connection.CreateCommand();
            // OR IGNORE: when two first writes race, the first key stays and both read it back below.
            insert.CommandText = "INSERT OR IGNORE INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt) VALUES ($id, $key, $at);";
            insert.Parameters.AddWithValue("$id", customerId.ToString());
            insert.Parameters.AddWithValue("$key", Wrap(customerId, dataKey));
            insert.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        CryptographicOperations.ZeroMemory(dataKey);
        return await GetOrCreateAsync(customerId, cancellationToken);
    }

    /// <summary>
    /// The data keys of many customers at once, each created on first use, in one transaction (a bulk import would
    /// otherwise pay one commit per new customer). Customers whose key was destroyed are left out: nothing is made for them.
    /// </summary>
    public async Task<IReadOnlyDictionary<Guid, byte[]>> GetOrCreateManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var keys = new Dictionary<Guid, byte[]>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT OR IGNORE INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt) VALUES ($id, $key, $at);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var wrapped = insert.Parameters.Add("$key", SqliteType.Blob);
        insert.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        await using var select = connection.CreateCommand();
        select.Transaction = tx;
        select.CommandText = "SELECT WrappedKey FROM CustomerKeys WHERE CustomerId = $id;";
        var selected = select.Parameters.Add("$id", SqliteType.Text);
        foreach (var customerId in customerIds.Distinct())
        {
            var dataKey = RandomNumberGenerator.GetBytes(PersonalDataOptions.KeyLength);
            (id.Value, wrapped.Value) = (customerId.ToString(), Wrap(customerId, dataKey));
            CryptographicOperations.ZeroMemory(dataKey);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            selected.Value = customerId.ToString();
            if (await select.ExecuteScalarAsync(cancellationToken) is byte[] stored)
            {
                keys[customerId] = Unwrap(customerId, stored);
            }
        }

        await tx.CommitAsync(cancellationToken);
        return keys;
    }

    /// <summary>The customer's data key; null key when they have none, with <c>Destroyed</c> set when it was destroyed.</summary>
    public async Task<(byte[]? Key, bool Destroyed)> FindAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT WrappedKey FROM CustomerKeys WHERE CustomerId = $id;";
        select.Parameters.AddWithValue("$id", customerId.ToString());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (null, false);
        }

        return reader.IsDBNull(0) ? (null, true) : (Unwrap(customerId, (byte[])reader.GetValue(0)), false);
    }

    /// <summary>
    /// The data keys of many customers in one statement (a list export): customers without a key (never had data, or
    /// erased) are simply absent. The ids go as one JSON parameter.
    /// </summary>
    public async Task<Dictionary<Guid, byte[]>> FindManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(customerIds);
        var found = new Dictionary<Guid, byte[]>(customerIds.Count);
        if (customerIds.Count == 0)
        {
            return found;
        }

        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT CustomerId, WrappedKey FROM CustomerKeys WHERE WrappedKey IS NOT NULL AND CustomerId IN (SELECT value FROM json_each($ids));";
        select.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(customerIds.Select(id => id.ToString())));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = Guid.Parse(reader.GetString(0));
            found[id] = Unwrap(id, (byte[])reader.GetValue(1));
        }

        return found;
    }

    /// <summary>
    /// Destroys the key: the wrapped bytes are overwritten (secure_delete) and the WAL checkpointed and truncated,
    /// so neither file keeps a copy. Idempotent; returns false when there was no key left to destroy.
    /// </summary>
    public async Task<bool> DestroyAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var destroy = connection.CreateCommand();
        destroy.CommandText = """
            INSERT INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt, DestroyedAt) VALUES ($id, NULL, $at, $at)
            ON CONFLICT (CustomerId) DO UPDATE SET WrappedKey = NULL, DestroyedAt = $at WHERE WrappedKey IS NOT NULL;
            """;
        destroy.Parameters.AddWithValue("$id", customerId.ToString());
        destroy.Parameters.AddWithValue("$at", time.GetUtcNow().ToUnixTimeMilliseconds());
        var changed = await destroy.ExecuteNonQueryAsync(cancellationToken) > 0;
        await SqliteForgetting.CheckpointAsync(connection, cancellationToken);
        return changed;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "PRAGMA secure_delete=ON;", cancellationToken);
        return connection;
    }

    private byte[] Wrap(Guid customerId, byte[] dataKey) => AesGcmEnvelope.Seal(keys.Master, dataKey, customerId.ToByteArray());

    private byte[] Unwrap(Guid customerId, byte[] wrapped) =>
        AesGcmEnvelope.Open(keys.Master, wrapped, customerId.ToByteArray())
        ?? throw new PersonalDataUnreadableException(
            $"Customer {customerId}'s key cannot be unwrapped: PersonalData:MasterKey is not the key the store was written with.");

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
