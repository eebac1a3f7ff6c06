using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

/// <summary>A test database holding a few real ledger entries written through <see cref="LedgerWriter"/>.</summary>
public static class LedgerFixture
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    public static async Task<TestDatabase> WithEntriesAsync(int count, FakeTimeProvider? clock = null)
    {
        clock ??= new FakeTimeProvider(Start);
        var database = await TestDatabase.CreateAsync();
        var writer = new LedgerWriter(clock);
        var subject = Guid.NewGuid();
        for (var i = 0; i < count; i++)
        {
            await using var db = database.CreateDbContext();
            await writer.AppendAsync(db, new LedgerDraft(
                i % 2 == 0 ? LedgerEventType.ConsentGranted : LedgerEventType.ConsentWithdrawn,
                Actor.Customer(subject), subject, ChangeSource.Web, 1, "marketing", Channel.Email,
                i % 2 == 0 ? "not-given" : "granted", i % 2 == 0 ? "granted" : "withdrawn", Detail: $"entry-{i + 1}"));
            await db.SaveChangesAsync();
            clock.Advance(TimeSpan.FromMinutes(1));
        }

        return database;
    }

    /// <summary>Drops (SQLite) or disables (PostgreSQL) the append-only triggers, as someone with write access to the store could, so tampering can be simulated.</summary>
    public static Task DropTriggersAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.AllowLedgerTamperingAsync();
    }

    /// <summary>
    /// Overwrites the ledger table's first page in the file with garbage, as a failing disk or a careless edit would:
    /// SQLite then reports the file as malformed when the ledger is read.
    /// </summary>
    public static void DamageLedgerPage(string path)
    {
        long page, pageSize;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            command.ExecuteNonQuery();
            command.CommandText = "SELECT rootpage FROM sqlite_schema WHERE name = 'LedgerEntries';";
            page = (long)command.ExecuteScalar()!;
            command.CommandText = "PRAGMA page_size;";
            pageSize = (long)command.ExecuteScalar()!;
        }

        SqliteConnection.ClearAllPools();
        using var file = File.OpenWrite(path);
        file.Position = (page - 1) * pageSize;
        file.Write(Enumerable.Repeat((byte)0xA5, (int)pageSize).ToArray());
    }
}
