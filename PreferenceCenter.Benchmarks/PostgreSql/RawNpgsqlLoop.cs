using Npgsql;
using NpgsqlTypes;

namespace PreferenceCenter.Benchmarks.PostgreSql;

/// <summary>
/// The floor on PostgreSQL, shaped as <see cref="RawSqliteLoop"/>: the ledger's tail read once, then per change the
/// consent upsert and the ledger insert (the same columns the service writes) in one transaction, committed, with
/// prepared statements and no other reads, no validation, no hashing and no write lock.
/// </summary>
public static class RawNpgsqlLoop
{
    public static async Task RunAsync(PostgreSqlBenchmarkDatabase database, int changes)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var last = new NpgsqlCommand("""SELECT coalesce(max("Sequence"), 0) FROM "LedgerEntries" """, connection);
        var sequence = (long)(await last.ExecuteScalarAsync())!;

        await using var upsert = new NpgsqlCommand("""
            INSERT INTO "Consents" ("CustomerId", "PurposeId", "Channel", "State", "ChangedAt", "ExpiresAt", "NoticeVersion", "Source", "Version")
            VALUES ($1, $2, $3, $4, $5, $6, 1, 1, 1)
            ON CONFLICT ("CustomerId", "PurposeId", "Channel") DO UPDATE SET
                "State" = excluded."State", "ChangedAt" = excluded."ChangedAt", "ExpiresAt" = excluded."ExpiresAt", "Version" = "Consents"."Version" + 1
            """, connection);
        var customer = upsert.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid });
        upsert.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer, TypedValue = database.MarketingPurposeId });
        var channel = upsert.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer });
        var state = upsert.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer });
        var now = upsert.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint });
        var expires = upsert.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint });
        await upsert.PrepareAsync();

        await using var insert = new NpgsqlCommand("""
            INSERT INTO "LedgerEntries" ("Sequence", "OccurredAt", "EventType", "ActorKind", "ActorId", "SubjectId", "Source", "NoticeVersion",
                "PurposeKey", "Channel", "Before", "After", "PreviousHash", "Hash")
            VALUES ($1, $2, 100, 1, $3, $4, 1, 1, 'marketing', $5, 'not-given', 'granted', $6, $6)
            """, connection);
        var seq = insert.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint });
        var insertNow = insert.Parameters.Add(new NpgsqlParameter<long> { NpgsqlDbType = NpgsqlDbType.Bigint });
        var actor = insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Varchar });
        var subject = insert.Parameters.Add(new NpgsqlParameter<Guid> { NpgsqlDbType = NpgsqlDbType.Uuid });
        var insertChannel = insert.Parameters.Add(new NpgsqlParameter<int> { NpgsqlDbType = NpgsqlDbType.Integer });
        insert.Parameters.Add(new NpgsqlParameter<string> { NpgsqlDbType = NpgsqlDbType.Char, TypedValue = new string('0', 64) });
        await insert.PrepareAsync();

        for (var i = 0; i < changes; i++)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var id = database.Customers[i % database.Customers.Count];
            var ch = (int)BenchmarkCatalog.Channels[i / database.Customers.Count % BenchmarkCatalog.Channels.Count];
            var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            (customer.Value, channel.Value, state.Value, now.Value, expires.Value) = (id, ch, 1 + (i % 2), ms, ms + 1000);
            (seq.Value, insertNow.Value, actor.Value, subject.Value, insertChannel.Value) = (++sequence, ms, id.ToString(), id, ch);
            await upsert.ExecuteNonQueryAsync();
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
    }
}
