using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

[SqliteOnly("SQLite's PRAGMAs and its WAL file; PostgreSQL has neither")]
public sealed class SqliteTuningTests
{
    [Fact]
    public async Task EveryConnection_LeavesCheckpointsToTheCheckpointer_AndStillSyncsEveryCommit()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();

        Assert.Equal(SqliteConnectionSettings.AutoCheckpointPages, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
        Assert.Equal(1, await ScalarAsync(connection, "PRAGMA secure_delete;"));
        Assert.Equal(-SqliteConnectionSettings.PageCacheKibibytes, await ScalarAsync(connection, "PRAGMA cache_size;")); // negative: KiB, not pages
        Assert.Equal(2, await ScalarAsync(connection, "PRAGMA synchronous;")); // FULL: every commit still syncs the log
    }

    [Fact]
    public async Task APooledConnection_OpenedAgain_KeepsItsSettings()
    {
        // The app pools connections, and the settings run only on a connection's first open.
        await using var database = await TestDatabase.CreateAsync();
        var pooled = new SqliteConnectionStringBuilder(database.ConnectionString) { Pooling = true }.ToString();
        var contexts = new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite(pooled));
        object? firstHandle = null;
        try
        {
            for (var open = 0; open < 3; open++)
            {
                await using var db = await contexts.CreateDbContextAsync();
                await db.Database.OpenConnectionAsync();
                var connection = (SqliteConnection)db.Database.GetDbConnection();
                firstHandle ??= connection.Handle;
                Assert.Same(firstHandle, connection.Handle); // the same native connection, handed back by the pool
                Assert.Equal(SqliteConnectionSettings.AutoCheckpointPages, await ScalarAsync(connection, "PRAGMA wal_autocheckpoint;"));
                Assert.Equal(1, await ScalarAsync(connection, "PRAGMA secure_delete;"));
                Assert.Equal(-SqliteConnectionSettings.PageCacheKibibytes, await ScalarAsync(connection, "PRAGMA cache_size;"));
                await db.Database.CloseConnectionAsync();
            }
        }
        finally
        {
            await using var handle = new SqliteConnection(pooled);
            SqliteConnection.ClearPool(handle);
        }
    }

    [Fact]
    public async Task OnePass_CopiesTheWholeLogIntoTheFile()
    {
        await using var database = await TestDatabase.CreateAsync();
        // SQLite empties the log itself when the last connection that has read it closes; the app always has one open.
        await using var open = database.CreateDbContext();
        await open.Database.OpenConnectionAsync();
        Assert.Equal(0, await open.LedgerEntries.CountAsync());
        var writer = new LedgerWriter(TimeProvider.System);
        for (var i = 0; i < 20; i++)
        {
            await using var db = database.CreateDbContext();
            await writer.AppendAsync(db, new LedgerDraft(LedgerEventType.NoticePublished, Actor.System("test"), null, ChangeSource.System, Detail: $"entry-{i}"));
            await db.SaveChangesAsync();
        }

        var checkpointer = new WalCheckpointer(database, TimeProvider.System, NullLogger<WalCheckpointer>.Instance);
        var (logFrames, copied) = await checkpointer.RunOnceAsync();

        // The committing connections left the log to the checkpointer, which copied all of it.
        Assert.InRange(logFrames, 20, SqliteConnectionSettings.AutoCheckpointPages);
        Assert.Equal(logFrames, copied);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
