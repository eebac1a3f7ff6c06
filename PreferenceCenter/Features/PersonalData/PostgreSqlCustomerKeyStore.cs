using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// The key store in a PostgreSQL database of its own (<c>Database:Provider = PostgreSQL</c>). An UPDATE never
/// overwrites a row in place (the old version stays as a dead tuple, and pruning leaves its bytes in the page's free
/// space), so destroying a key rewrites the table with <c>VACUUM FULL</c>: the old file is truncated at commit and no
/// copy of the wrapped key is left in the table's files, once older transactions are gone (<see cref="PostgreSqlRewrite"/>, ADR 0015).
/// </summary>
public sealed class PostgreSqlCustomerKeyStore(string connectionString, PersonalDataKeys keys, TimeProvider time, ILogger<PostgreSqlCustomerKeyStore> logger)
    : CustomerKeyStore(keys, time)
{
    /// <summary>Serialises the CREATE TABLE of instances starting at once (PostgreSQL's IF NOT EXISTS is not race-free): "PCKEYS".</summary>
    private const long SchemaLockKey = 0x5043_4B45_5953;

    public override string ConnectionString => connectionString;

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await using var create = new NpgsqlCommand($"""
            SELECT pg_advisory_xact_lock({SchemaLockKey});
            CREATE TABLE IF NOT EXISTS "CustomerKeys" (
                "CustomerId" uuid NOT NULL PRIMARY KEY,
                "WrappedKey" bytea NULL,
                "CreatedAt" timestamptz NOT NULL,
                "DestroyedAt" timestamptz NULL);
            COMMENT ON TABLE "CustomerKeys" IS 'PreferenceCenter per-customer data keys, wrapped by the master key; schema 1';
            """, connection, tx);
        await create.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    protected override async Task InsertIfAbsentAsync(Guid customerId, byte[] wrappedKey, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var insert = new NpgsqlCommand(
            """INSERT INTO "CustomerKeys" ("CustomerId", "WrappedKey", "CreatedAt") VALUES (@id, @key, @at) ON CONFLICT ("CustomerId") DO NOTHING""",
            connection);
        insert.Parameters.AddWithValue("id", customerId);
        insert.Parameters.AddWithValue("key", wrappedKey);
        insert.Parameters.AddWithValue("at", at.ToUniversalTime());
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override async Task<IReadOnlyDictionary<Guid, byte[]>> InsertManyIfAbsentAsync(
        IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)> candidates, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var ids = candidates.Select(c => c.CustomerId).ToArray();
        await using var connection = await OpenAsync(cancellationToken);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        // Two arrays unnested side by side: one statement whatever the batch size.
        await using (var insert = new NpgsqlCommand(
            """
            INSERT INTO "CustomerKeys" ("CustomerId", "WrappedKey", "CreatedAt")
            SELECT id, key, @at FROM unnest(@ids, @keys) AS candidate(id, key)
            ON CONFLICT ("CustomerId") DO NOTHING
            """, connection, tx))
        {
            insert.Parameters.AddWithValue("ids", ids);
            insert.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = candidates.Select(c => c.WrappedKey).ToArray() });
            insert.Parameters.AddWithValue("at", at.ToUniversalTime());
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        var stored = new Dictionary<Guid, byte[]>(candidates.Count);
        foreach (var (id, wrapped) in await ReadManyAsync(connection, tx, ids, cancellationToken))
        {
            stored[id] = wrapped;
        }

        await tx.CommitAsync(cancellationToken);
        return stored;
    }

    protected override async Task<(bool Exists, byte[]? WrappedKey)> ReadAsync(Guid customerId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var select = new NpgsqlCommand("""SELECT "WrappedKey" FROM "CustomerKeys" WHERE "CustomerId" = @id""", connection);
        select.Parameters.AddWithValue("id", customerId);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return (false, null);
        }

        return (true, reader.IsDBNull(0) ? null : reader.GetFieldValue<byte[]>(0));
    }

    protected override async Task<IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)>> ReadManyAsync(IReadOnlyCollection<Guid> customerIds, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return await ReadManyAsync(connection, null, customerIds.ToArray(), cancellationToken);
    }

    /// <summary>
    /// The tombstone replaces the key, then, once no older transaction could keep the old row in it, <c>VACUUM FULL</c>
    /// rewrites the table into a new file (holding an exclusive lock on this small table for the moment it takes) and
    /// truncates the old one at commit. Run on every call, so a repeat after a crash between the two still scrubs.
    /// Owner's right only: the app created the table.
    /// </summary>
    protected override async Task<bool> DestroyAndForgetAsync(Guid customerId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        bool changed;
        await using (var destroy = new NpgsqlCommand(
            """
            INSERT INTO "CustomerKeys" ("CustomerId", "WrappedKey", "CreatedAt", "DestroyedAt") VALUES (@id, NULL, @at, @at)
            ON CONFLICT ("CustomerId") DO UPDATE SET "WrappedKey" = NULL, "DestroyedAt" = @at WHERE "CustomerKeys"."WrappedKey" IS NOT NULL
            """, connection))
        {
            destroy.Parameters.AddWithValue("id", customerId);
            destroy.Parameters.AddWithValue("at", at.ToUniversalTime());
            changed = await destroy.ExecuteNonQueryAsync(cancellationToken) > 0;
        }

        await PostgreSqlRewrite.VacuumFullAsync(connection, """VACUUM (FULL) "CustomerKeys" """, logger, cancellationToken);
        return changed;
    }

    private static async Task<IReadOnlyList<(Guid CustomerId, byte[] WrappedKey)>> ReadManyAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, Guid[] customerIds, CancellationToken cancellationToken)
    {
        var found = new List<(Guid, byte[])>(customerIds.Length);
        await using var select = new NpgsqlCommand(
            """SELECT "CustomerId", "WrappedKey" FROM "CustomerKeys" WHERE "WrappedKey" IS NOT NULL AND "CustomerId" = ANY(@ids)""", connection, tx);
        select.Parameters.AddWithValue("ids", customerIds);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            found.Add((reader.GetGuid(0), reader.GetFieldValue<byte[]>(1)));
        }

        return found;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
