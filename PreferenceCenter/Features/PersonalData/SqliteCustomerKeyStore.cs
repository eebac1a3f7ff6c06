using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// The key store in a SQLite file of its own (the embedded default). Every connection runs with <c>secure_delete</c>,
/// so a destroyed key's bytes are overwritten in the page, and the WAL is checkpointed and truncated after each destroy.
/// </summary>
public sealed class SqliteCustomerKeyStore(string connectionString, PersonalDataKeys keys, TimeProvider time) : CustomerKeyStore(keys, time)
{
    private const int SchemaVersion = 1;

    public override string ConnectionString => connectionString;

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
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

    protected override async Task InsertIfAbsentAsync(Guid customerId, byte[] wrappedKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT OR IGNORE INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt) VALUES ($id, $key, $at);";
        insert.Parameters.AddWithValue("$id", customerId.ToString());
        insert.Parameters.AddWithValue("$key", wrappedKey);
        insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task<IReadOnlyDictionary<Guid, byte[]>> InsertManyIfAbsentAsync(
        IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)> candidates, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var stored = new Dictionary<Guid, byte[]>();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT OR IGNORE INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt) VALUES ($id, $key, $at);";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var wrapped = insert.Parameters.Add("$key", SqliteType.Blob);
        insert.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
        await using var select = connection.CreateCommand();
        select.Transaction = tx;
        select.CommandText = "SELECT WrappedKey FROM CustomerKeys WHERE CustomerId = $id;";
        var selected = select.Parameters.Add("$id", SqliteType.Text);
        foreach (var (customerId, wrappedKey) in candidates)
        {
            (id.Value, wrapped.Value) = (customerId.ToString(), wrappedKey);
            await insert.ExecuteNonQueryAsync(cancellationToken);
            selected.Value = customerId.ToString();
            if (await select.ExecuteScalarAsync(cancellationToken) is byte[] key)
            {
                stored[customerId] = key;
            }
        }

        await tx.CommitAsync(cancellationToken);
        return stored;
    }

    protected override async Task<(bool Exists, byte[]? WrappedKey)> ReadAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT WrappedKey FROM CustomerKeys WHERE CustomerId = $id;";
        select.Parameters.AddWithValue("$id", customerId.ToString());
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, null);
        }

        return (true, reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0));
    }

    /// <summary>The ids go as one JSON parameter (SQLite has no array parameters).</summary>
    protected override async Task<IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)>> ReadManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        var found = new List<(Guid, byte[])>(customerIds.Count);
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = connection.CreateCommand();
        select.CommandText = "SELECT CustomerId, WrappedKey FROM CustomerKeys WHERE WrappedKey IS NOT NULL AND CustomerId IN (SELECT value FROM json_each($ids));";
        select.Parameters.AddWithValue("$ids", System.Text.Json.JsonSerializer.Serialize(customerIds.Select(id => id.ToString())));
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((Guid.Parse(reader.GetString(0)), (byte[])reader.GetValue(1)));
        }

        return found;
    }

    /// <summary>The wrapped bytes are overwritten (secure_delete) and the WAL checkpointed and truncated, so neither file keeps a copy.</summary>
    protected override async Task<bool> DestroyAndForgetAsync(Guid customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var destroy = connection.CreateCommand();
        destroy.CommandText = """
            INSERT INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt, DestroyedAt) VALUES ($id, NULL, $at, $at)
            ON CONFLICT (CustomerId) DO UPDATE SET WrappedKey = NULL, DestroyedAt = $at WHERE WrappedKey IS NOT NULL;
            """;
        destroy.Parameters.AddWithValue("$id", customerId.ToString());
        destroy.Parameters.AddWithValue("$at", at.ToUnixTimeMilliseconds());
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

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
