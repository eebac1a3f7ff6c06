using System.Globalization;
using Microsoft.Data.Sqlite;
using PreferenceCenter.Data;

namespace PreferenceCenter.Benchmarks.Import;

/// <summary>
/// The floor: the same rows an import of new addresses writes, per row a customer key (key store), a customer, a
/// profile, a consent, two ledger entries (customer imported, consent granted) and the row's key, plus the run's
/// progress per chunk, in one transaction per chunk of the same size, with prepared commands and the app's PRAGMAs;
/// no parsing, no checks, no hashing, no encryption (fixed stand-in values of the same length).
/// </summary>
public static class RawImportLoop
{
    public static async Task RunAsync(string databasePath, int purposeId, int rows, int chunkSize, string tag)
    {
        await using var main = await OpenAsync($"Data Source={databasePath}");
        await using var keys = await OpenAsync($"Data Source={databasePath}.keys");
        await Exec(keys, "CREATE TABLE IF NOT EXISTS CustomerKeys (CustomerId TEXT NOT NULL PRIMARY KEY, WrappedKey BLOB NULL, CreatedAt INTEGER NOT NULL, DestroyedAt INTEGER NULL);");
        var runId = Guid.NewGuid().ToString().ToUpperInvariant();
        await Exec(main, $"INSERT INTO ImportRuns (Id, FileName, FileHash, ActorKind, ActorId, CreatedAt, State, TotalRows, ProcessedRows, ProcessedThroughLine, Written, Unchanged, AlreadyImported, Suppressed, Refused, CustomersCreated) VALUES ('{runId}', 'raw.csv', '{new string('0', 64)}', 5, 'bench', 0, 2, {rows}, 0, 0, 0, 0, 0, 0, 0, 0);");
        await using var last = main.CreateCommand();
        last.CommandText = "SELECT coalesce(max(Sequence), 0) FROM LedgerEntries";
        var sequence = (long)(await last.ExecuteScalarAsync())!;
        last.CommandText = "SELECT coalesce(max(Id), 0) FROM Consents";
        var consentId = (long)(await last.ExecuteScalarAsync())!;

        var key = Command(keys, "INSERT INTO CustomerKeys (CustomerId, WrappedKey, CreatedAt) VALUES ($id, $key, 0)", "$id", "$key");
        var customer = Command(main, "INSERT INTO Customers (Id, UserId, Reference, Status, CreatedAt, PreferredCulture, PreviouslyErased) VALUES ($id, NULL, $ref, 1, $now, NULL, 0)", "$id", "$ref", "$now");
        var profile = Command(main, "INSERT INTO CustomerProfiles (CustomerId, Name, Email, Phone, EmailIndex, PhoneIndex, ChangedAt, Version) VALUES ($id, NULL, $email, NULL, $index, NULL, $now, 1)", "$id", "$email", "$index", "$now");
        var consent = Command(main, "INSERT INTO Consents (Id, CustomerId, PurposeId, Channel, State, ChangedAt, ExpiresAt, ExpiryRecordedAt, NoticeVersion, Source, Version) VALUES ($cid, $id, $purpose, $channel, 1, $now, $now, NULL, 1, 11, 1)", "$cid", "$id", "$purpose", "$channel", "$now");
        var entry = Command(main, "INSERT INTO LedgerEntries (Sequence, OccurredAt, EventType, ActorKind, ActorId, SubjectId, Source, NoticeVersion, PurposeKey, Channel, Before, After, Detail, PreviousHash, Hash) VALUES ($seq, $now, $type, 5, 'bench', $id, 11, 1, 'marketing', $channel, 'not-given', 'granted', $detail, $hash, $hash)", "$seq", "$now", "$type", "$id", "$channel", "$detail", "$hash");
        var rowKey = Command(main, "INSERT INTO ImportedRows (Key, ImportRunId, Line) VALUES ($key, $run, $line)", "$key", "$run", "$line");
        var progress = Command(main, "UPDATE ImportRuns SET ProcessedRows = $n, ProcessedThroughLine = $n, Written = $n, CustomersCreated = $n WHERE Id = $run", "$n", "$run");
        var (wrapped, sealedEmail, hash) = (new byte[60], new string('e', 110), new string('0', 64));
        var detail = """{"source":"old CRM","capturedAt":"2025-03-14T09:30:00+00:00","collectionPoint":"newsletter form","noticeVersion":1,"wording":null,"confirmedAt":null,"import":"00000000-0000-0000-0000-000000000000","line":2}""";
        for (var start = 0; start < rows; start += chunkSize)
        {
            await using var keyTx = (SqliteTransaction)await keys.BeginTransactionAsync();
            await using var tx = (SqliteTransaction)await main.BeginTransactionAsync();
            key.Transaction = keyTx;
            customer.Transaction = profile.Transaction = consent.Transaction = entry.Transaction = rowKey.Transaction = progress.Transaction = tx;
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            for (var i = start; i < Math.Min(rows, start + chunkSize); i++)
            {
                var id = Guid.NewGuid().ToString().ToUpperInvariant();
                await Run(key, id, wrapped);
                await Run(customer, id, string.Create(CultureInfo.InvariantCulture, $"PC-{(tag == "warm" ? 0x800000 : 0) + i:X6}"), now);
                await Run(profile, id, sealedEmail, $"{ImportFile.Email(tag, i).GetHashCode():X8}{hash}"[..64], now);
                await Run(consent, ++consentId, id, purposeId, i % 4 + 2, now);
                await Run(entry, ++sequence, now, 1002, id, DBNull.Value, detail, hash);
                await Run(entry, ++sequence, now, 100, id, i % 4 + 2, detail, hash);
                await Run(rowKey, $"{tag}-{i}".PadLeft(64, '0'), runId, i + 2);
            }

            await Run(progress, Math.Min(rows, start + chunkSize), runId);
            await keyTx.CommitAsync();
            await tx.CommitAsync();
        }
    }

    private static async Task<SqliteConnection> OpenAsync(string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        // The PRAGMAs the app sets on every connection (SqliteConnectionSettings), WAL as the database is created.
        await Exec(connection, string.Create(CultureInfo.InvariantCulture,
            $"PRAGMA journal_mode=WAL; PRAGMA secure_delete=ON; PRAGMA wal_autocheckpoint={SqliteConnectionSettings.AutoCheckpointPages}; PRAGMA cache_size=-{SqliteConnectionSettings.PageCacheKibibytes};"));
        return connection;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        return command;
    }

    private static Task<int> Run(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQueryAsync();
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
