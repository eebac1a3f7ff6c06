using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Benchmarks;

/// <summary>
/// The floor to compare against: the same two rows per change (consent upsert + ledger insert) in one
/// transaction each, with prepared commands and no reads, validation or hashing.
/// </summary>
public static class RawSqliteLoop
{
    public static async Task RunAsync(BenchmarkDatabase database, int changes)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var last = connection.CreateCommand();
        last.CommandText = "SELECT coalesce(max(Sequence), 0) FROM LedgerEntries";
        var sequence = (long)(await last.ExecuteScalarAsync())!;

        await using var upsert = connection.CreateCommand();
        upsert.CommandText = """
            INSERT INTO Consents (CustomerId, PurposeId, Channel, State, ChangedAt, ExpiresAt, NoticeVersion, Source, Version)
            VALUES ($customer, $purpose, $channel, $state, $now, $expires, 1, 1, 1)
            ON CONFLICT (CustomerId, PurposeId, Channel) DO UPDATE SET
                State = excluded.State, ChangedAt = excluded.ChangedAt, ExpiresAt = excluded.ExpiresAt, Version = Version + 1
            """;
        var customer = upsert.Parameters.Add("$customer", SqliteType.Text);
        upsert.Parameters.AddWithValue("$purpose", database.MarketingPurposeId);
        var channel = upsert.Parameters.Add("$channel", SqliteType.Integer);
        var state = upsert.Parameters.Add("$state", SqliteType.Integer);
        var now = upsert.Parameters.Add("$now", SqliteType.Integer);
        var expires = upsert.Parameters.Add("$expires", SqliteType.Integer);

        await using var insert = connection.CreateCommand();
        insert.CommandText = """
            INSERT INTO LedgerEntries (Sequence, OccurredAt, EventType, ActorKind, ActorId, SubjectId, Source, NoticeVersion,
                PurposeKey, Channel, Before, After, PreviousHash, Hash)
            VALUES ($seq, $now, 100, 1, $customer, $customer, 1, 1, 'marketing', $channel, 'not-given', 'granted', $hash, $hash)
            """;
        var seq = insert.Parameters.Add("$seq", SqliteType.Integer);
        var insertNow = insert.Parameters.Add("$now", SqliteType.Integer);
        var insertCustomer = insert.Parameters.Add("$customer", SqliteType.Text);
        var insertChannel = insert.Parameters.Add("$channel", SqliteType.Integer);
        insert.Parameters.AddWithValue("$hash", new string('0', 64));

        for (var i = 0; i < changes; i++)
        {
            await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync();
            upsert.Transaction = insert.Transaction = tx;
            var id = database.Customers[i % database.Customers.Count].ToString().ToUpperInvariant();
            var ch = (int)BenchmarkDatabase.Channels[i / database.Customers.Count % BenchmarkDatabase.Channels.Count];
            var ms = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            (customer.Value, channel.Value, state.Value, now.Value, expires.Value) = (id, ch, 1 + (i % 2), ms, ms + 1000);
            (seq.Value, insertNow.Value, insertCustomer.Value, insertChannel.Value) = (++sequence, ms, id, ch);
            await upsert.ExecuteNonQueryAsync();
            await insert.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }
    }
}
