using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.ScaleOut;

/// <summary>
/// Two instances of the app in one test process, on one PostgreSQL database and one key store, with every scheduled
/// job running in both. The test moves their shared <see cref="SteppingClock"/>: each tick wakes the jobs of both
/// instances at once, so they race for the same work exactly as two servers whose timers line up do.
/// </summary>
public sealed class TwoInstancesOnOneDatabase : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private readonly PostgreSqlTestDatabase main;
    private readonly PostgreSqlTestDatabase keys;

    private TwoInstancesOnOneDatabase(PostgreSqlTestDatabase main, PostgreSqlTestDatabase keys, SteppingClock clock, SharedDatabaseInstance first, SharedDatabaseInstance second)
    {
        (this.main, this.keys, Clock) = (main, keys, clock);
        Instances = [first, second];
    }

    public SteppingClock Clock { get; }

    public IReadOnlyList<SharedDatabaseInstance> Instances { get; }

    /// <summary>Creates the two databases, starts one instance (which migrates them), seeds the test catalog, starts the other.</summary>
    public static async Task<TwoInstancesOnOneDatabase> StartAsync(SmtpSink sink)
    {
        ArgumentNullException.ThrowIfNull(sink);
        var main = await PostgreSqlTestDatabase.CreateAsync(migrate: false);
        var keys = await PostgreSqlTestDatabase.CreateAsync(migrate: false);
        var clock = new SteppingClock(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var first = new SharedDatabaseInstance(main.ConnectionString, keys.ConnectionString, clock, sink.Port);
        _ = first.Services;
        await using (var db = main.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
        }

        var second = new SharedDatabaseInstance(main.ConnectionString, keys.ConnectionString, clock, sink.Port);
        _ = second.Services;
        return new TwoInstancesOnOneDatabase(main, keys, clock, first, second);
    }

    /// <summary>A service of instance <paramref name="instance"/> (0 or 1).</summary>
    public T Get<T>(int instance) where T : notnull => Instances[instance % 2].Services.GetRequiredService<T>();

    /// <summary>A context of the test's own on the shared database.</summary>
    public AppDbContext Database() => main.CreateDbContext();

    /// <summary>
    /// Ticks the clock one job interval at a time until <paramref name="done"/> holds, then <paramref name="extraTicks"/>
    /// more, in which a second run of anything would show. A tick comes only once no batch holds its lease, so a batch
    /// never outlives its lease on this clock (its holder's timer did not stop the clock; the test's ticks would).
    /// </summary>
    public async Task RunJobsUntilAsync(Func<AppDbContext, Task<bool>> done, int extraTicks = 3)
    {
        ArgumentNullException.ThrowIfNull(done);
        var waited = Stopwatch.StartNew();
        var extra = -1;
        while (extra < extraTicks)
        {
            Assert.True(waited.Elapsed < Patience, "The jobs did not finish their work in time.");
            await WhileABatchRunsAsync(waited);
            if (extra < 0)
            {
                await using var db = Database();
                extra = await done(db) ? 0 : -1;
            }
            else
            {
                extra++;
            }

            Clock.Tick(SharedDatabaseInstance.JobInterval);
            // Both instances' jobs wake on this tick; give them a moment to take (or fail to take) their leases.
            await Task.Delay(150);
        }

        await WhileABatchRunsAsync(waited);
    }

    private async Task WhileABatchRunsAsync(Stopwatch waited)
    {
        while (true)
        {
            await using var db = Database();
            var now = Clock.GetUtcNow();
            if (!await db.Leases.AnyAsync(l => l.ExpiresAt > now))
            {
                return;
            }

            Assert.True(waited.Elapsed < Patience, "A job held its lease for minutes on end.");
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in Instances)
        {
            await instance.DisposeAsync();
        }

        await main.DisposeAsync();
        await keys.DisposeAsync();
    }
}
