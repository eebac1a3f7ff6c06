using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Consents;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data.PostgreSql;

/// <summary>
/// <see cref="ConsentFixture"/> on PostgreSQL: a seeded catalog, one customer and a real <see cref="ConsentService"/>
/// whose contexts run <see cref="BeforeWrite"/> just before each of their writes, to let another client in between
/// the decision read and the write. The key store (for mail) is still SQLite's, beside it.
/// </summary>
public sealed class PostgreSqlConsentFixture : IAsyncDisposable, IDbContextFactory<AppDbContext>
{
    private readonly TestDatabase keys;
    private readonly DbContextOptions<PostgreSqlAppDbContext> options;

    private PostgreSqlConsentFixture(PostgreSqlTestDatabase database, TestDatabase keys, Guid customerId)
    {
        Database = database;
        this.keys = keys;
        CustomerId = customerId;
        options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>(StandaloneDbContextOptions.ForPostgreSql(database.ConnectionString))
            .AddInterceptors(new BeforeWriteInterceptor(this))
            .Options;
        Service = new ConsentService(this, new LedgerWriter(Clock), Clock,
            LifecycleMailFactory.Services(keys, Clock, factory: this).GetRequiredService<LifecycleMail>());
    }

    public PostgreSqlTestDatabase Database { get; }
    public Guid CustomerId { get; }
    public FakeTimeProvider Clock { get; } = new(ConsentFixture.Now);
    public ConsentService Service { get; }

    /// <summary>Run once, before the next statement that starts with this text (e.g. <c>INSERT INTO "Consents"</c>), by another client.</summary>
    public (string Statement, Func<Task> Action)? BeforeWrite { get; private set; }

    public void RunBefore(string statement, Func<Task> action) => BeforeWrite = (statement, action);

    public static async Task<PostgreSqlConsentFixture> CreateAsync()
    {
        var database = await PostgreSqlTestDatabase.CreateAsync();
        var keys = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        return new PostgreSqlConsentFixture(database, keys, await CatalogBuilder.AddCustomerAsync(db));
    }

    public AppDbContext CreateDbContext() => new PostgreSqlAppDbContext(options);

    public ConsentChange Change(string purpose, Channel channel, bool grant, int expectedVersion = 0) =>
        new(CustomerId, purpose, channel, grant, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web);

    public async Task<(long Consents, long LedgerEntries)> CountRowsAsync() =>
        ((long)(await Database.ScalarAsync("SELECT count(*) FROM \"Consents\""))!, (long)(await Database.ScalarAsync("SELECT count(*) FROM \"LedgerEntries\""))!);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        await keys.DisposeAsync();
    }

    private sealed class BeforeWriteInterceptor(PostgreSqlConsentFixture fixture) : DbCommandInterceptor
    {
        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (fixture.BeforeWrite is { } before && command.CommandText.StartsWith(before.Statement, StringComparison.Ordinal))
            {
                fixture.BeforeWrite = null;
                await before.Action();
            }

            return result;
        }
    }
}
