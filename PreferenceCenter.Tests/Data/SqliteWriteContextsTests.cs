using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Consents;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

/// <summary>
/// The kept write contexts (ADR 0017): the factory's model and the app's connection settings on a connection of their
/// own; a consent change on them reuses its statements instead of preparing them again, and leaves nothing open behind
/// it; one whose write failed is closed. On PostgreSQL none are lent.
/// </summary>
public sealed class SqliteWriteContextsTests
{
    [Fact]
    public async Task OnSqlite_AKeptContext_HasTheFactorysModel_AndTheAppsConnectionSettings_WhileOtherStoresLendNone()
    {
        await using var database = await TestDatabase.CreateAsync();
        var kept = database.WriteContexts.TryRent();
        if (database.IsPostgreSql)
        {
            Assert.Null(kept);
            return;
        }

        Assert.NotNull(kept);
        try
        {
            await using var pooled = database.CreateDbContext();
            // The same model object: a context of its own must not build (and hold) a second model.
            Assert.Same(pooled.Model, kept.Db.Model);
            Assert.Same(kept.Connection, kept.Db.Database.GetDbConnection());
            Assert.Equal(1L, await ScalarAsync(kept.Connection, "PRAGMA secure_delete")); // erasure relies on it
            Assert.Equal((long)SqliteConnectionSettings.AutoCheckpointPages, await ScalarAsync(kept.Connection, "PRAGMA wal_autocheckpoint"));
            Assert.Equal(-(long)SqliteConnectionSettings.PageCacheKibibytes, await ScalarAsync(kept.Connection, "PRAGMA cache_size"));
            Assert.Equal(2L, await ScalarAsync(kept.Connection, "PRAGMA synchronous")); // FULL: every commit syncs
        }
        finally
        {
            database.WriteContexts.Return(kept, healthy: true);
        }
    }

    [Fact]
    [SqliteOnly("a SQLite connection's prepared statements")]
    public async Task ConsentChanges_RunOnStatementsPreparedOnce_ThatNothingExpires()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var contexts = fixture.Database.WriteContexts;
        var kept = contexts.TryRent()!;
        SqliteStatements.Track(kept.Connection);
        contexts.Return(kept, healthy: true);

        // A new row and an update of it, on one channel: every statement a change runs is now prepared.
        await ChangeTwiceAsync(fixture, Channel.Sms);
        var prepared = SqliteStatements.On(kept.Connection);
        Assert.NotEmpty(prepared);

        // The same on other channels runs on those very statements, none prepared again (EF registering its functions
        // on the connection again would expire them all).
        await ChangeTwiceAsync(fixture, Channel.Post);
        await ChangeTwiceAsync(fixture, Channel.Phone);
        Assert.Equal(prepared.Order(), SqliteStatements.On(kept.Connection).Order());
        Assert.All(SqliteStatements.TimesReprepared(kept.Connection), times => Assert.Equal(0, times));
        Assert.Same(kept, contexts.TryRent());
    }

    [Fact]
    [SqliteOnly("SQLite's write-ahead log")]
    public async Task AfterAChange_NothingHoldsTheLog_ACheckpointEmptiesIt()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await ChangeTwiceAsync(fixture, Channel.Sms);

        await using var connection = new SqliteConnection(fixture.Database.ConnectionString);
        await connection.OpenAsync();
        await using var checkpoint = connection.CreateCommand();
        checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
        await using var result = await checkpoint.ExecuteReaderAsync();
        Assert.True(await result.ReadAsync());
        Assert.Equal(0L, result.GetInt64(0)); // 1 would mean a kept statement or transaction still reads the log
    }

    [Fact]
    [SqliteOnly("only SQLite lends kept contexts")]
    public async Task AContextWhoseWriteFailed_OrLeftATransactionOpen_OrLostItsConnection_IsClosed_AndTheNextRentOpensAnother()
    {
        await using var database = await TestDatabase.CreateAsync();
        var contexts = database.WriteContexts;
        var failed = contexts.TryRent()!;
        contexts.Return(failed, healthy: false);
        Assert.Equal(System.Data.ConnectionState.Closed, failed.Connection.State);

        var unfinished = contexts.TryRent()!;
        Assert.NotSame(failed, unfinished);
        await unfinished.Db.Database.BeginTransactionAsync();
        contexts.Return(unfinished, healthy: true);
        Assert.Equal(System.Data.ConnectionState.Closed, unfinished.Connection.State);

        var closed = contexts.TryRent()!;
        Assert.NotSame(unfinished, closed);
        await closed.Connection.CloseAsync();
        contexts.Return(closed, healthy: true);

        var fresh = contexts.TryRent()!;
        Assert.NotSame(closed, fresh);
        Assert.Equal(System.Data.ConnectionState.Open, fresh.Connection.State);
        contexts.Return(fresh, healthy: true);
    }

    [Fact]
    [SqliteOnly("only SQLite lends kept contexts")]
    public async Task WhenAllAreLent_TheNextWriteIsToldToUseThePool_AndAReturnedOneIsLentAgain()
    {
        await using var database = await TestDatabase.CreateAsync();
        var contexts = database.WriteContexts;
        var lent = Enumerable.Range(0, SqliteWriteContexts.MaxOpenContexts).Select(_ => contexts.TryRent()!).ToList();
        Assert.Equal(lent.Count, lent.Distinct().Count());
        Assert.Null(contexts.TryRent());

        contexts.Return(lent[0], healthy: true);
        Assert.Same(lent[0], contexts.TryRent());
        contexts.Return(lent[1], healthy: false); // closed: room for one more
        var opened = contexts.TryRent();
        Assert.NotNull(opened);
        Assert.DoesNotContain(opened, lent);
        Assert.Null(contexts.TryRent());
        foreach (var context in lent.Where(c => c != lent[1]).Append(opened))
        {
            contexts.Return(context, healthy: true);
        }
    }

    [Fact]
    [SqliteOnly("only SQLite lends kept contexts")]
    public async Task AReturnedContext_ForgetsWhatItTracked()
    {
        await using var database = await TestDatabase.CreateAsync();
        var contexts = database.WriteContexts;
        var kept = contexts.TryRent()!;
        await CatalogBuilder.SeedAsync(kept.Db);
        Assert.NotEmpty(kept.Db.ChangeTracker.Entries());
        contexts.Return(kept, healthy: true);

        Assert.Same(kept, contexts.TryRent());
        Assert.Empty(kept.Db.ChangeTracker.Entries());
    }

    [Fact]
    public async Task ManyChangesAtOnce_WithAllButOneKeptContextLent_AllSave_OnTheKeptOneOrThePool_AndTheLedgerVerifies()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var customers = new List<Guid>();
        await using (var db = fixture.Database.CreateDbContext())
        {
            for (var i = 0; i < 3 * SqliteWriteContexts.MaxOpenContexts; i++)
            {
                customers.Add(await CatalogBuilder.AddCustomerAsync(db));
            }
        }

        // All kept contexts but one are lent elsewhere meanwhile: writers that overlap take the one left or the pool.
        var lent = Enumerable.Range(0, SqliteWriteContexts.MaxOpenContexts - 1).Select(_ => fixture.Database.WriteContexts.TryRent()).ToList();

        // Each customer grants twice over (two channels) at the same moment as everyone else.
        var changes = customers.SelectMany(c => new[] { Channel.Sms, Channel.Post }.Select(channel => Task.Run(() => fixture.Service.SetAsync(
            new ConsentChange(c, "marketing", channel, true, 0, Actor.Customer(c), ChangeSource.Web))))).ToList();
        var results = await Task.WhenAll(changes);
        foreach (var context in lent.OfType<SqliteWriteContext>())
        {
            fixture.Database.WriteContexts.Return(context, healthy: true);
        }

        Assert.All(results, r => Assert.Equal(ConsentChangeOutcome.Saved, r.Outcome));
        await using var read = fixture.Database.CreateDbContext();
        Assert.Equal(results.Length, await read.Consents.CountAsync(c => customers.Contains(c.CustomerId) && c.State == ConsentState.Granted));
        Assert.Equal(results.Length, await read.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ConsentGranted));
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task AConsentService_RefusesKeptContextsOfAnotherDatabase()
    {
        await using var mine = await TestDatabase.CreateAsync();
        await using var other = await TestDatabase.CreateAsync();
        var clock = TimeProvider.System;
        var error = Assert.Throws<ArgumentException>(() => new ConsentService(
            mine, new LedgerWriter(clock), clock, LifecycleMailFactory.Mail(mine, clock), other.WriteContexts));
        Assert.Equal("writeContexts", error.ParamName);
    }

    private static async Task ChangeTwiceAsync(ConsentFixture fixture, Channel channel)
    {
        var on = await fixture.Service.SetAsync(fixture.Change("marketing", channel, grant: true));
        Assert.Equal(ConsentChangeOutcome.Saved, on.Outcome);
        var off = await fixture.Service.SetAsync(fixture.Change("marketing", channel, grant: false, expectedVersion: on.Current!.Version));
        Assert.Equal(ConsentChangeOutcome.Saved, off.Outcome);
    }

    private static async Task<long> ScalarAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
