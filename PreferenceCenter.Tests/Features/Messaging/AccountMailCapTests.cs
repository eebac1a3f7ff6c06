using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Messaging.Limits;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Infrastructure.RateLimiting;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Messaging;

/// <summary>The hourly cap on account mails per address, counted in a real SQLite file (and on PostgreSQL, whose upsert reads names differently).</summary>
public sealed class AccountMailCapTests : IAsyncLifetime
{
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 12, 5, 9, 10, 0, TimeSpan.Zero));
    private TestDatabase database = default!;
    private AccountMailCap cap = default!;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        cap = new AccountMailCap(
            database, new BlindIndex(TestKeys.Keys), clock,
            Options.Create(new RateLimitOptions { AccountMailsPerAddressPerHour = 3 }), NullLogger<AccountMailCap>.Instance);
    }

    public async Task DisposeAsync() => await database.DisposeAsync();

    [Fact]
    public async Task TwentyAtOnce_ExactlyTheCapIsGranted()
    {
        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => cap.TryTakeAsync("burst@example.com"))));

        Assert.Equal(3, granted.Count(g => g));
    }

    [PostgreSqlFact]
    public async Task OnPostgreSql_TwentyAtOnce_ExactlyTheCapIsGranted_AndTheNextHourStartsAfresh()
    {
        await using var postgres = await PostgreSqlTestDatabase.CreateAsync();
        var onPostgres = new AccountMailCap(
            postgres.NewInstance(), new BlindIndex(TestKeys.Keys), clock,
            Options.Create(new RateLimitOptions { AccountMailsPerAddressPerHour = 3 }), NullLogger<AccountMailCap>.Instance);

        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => onPostgres.TryTakeAsync("burst@example.com"))));

        Assert.Equal(3, granted.Count(g => g));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.True(await onPostgres.TryTakeAsync("burst@example.com"));
    }

    [Fact]
    public async Task TheNextHour_StartsAfresh_AndTheRowsOfHoursLongPastAreGone()
    {
        for (var i = 0; i < 3; i++)
        {
            Assert.True(await cap.TryTakeAsync("hourly@example.com"));
        }

        Assert.False(await cap.TryTakeAsync("hourly@example.com"));
        clock.Advance(TimeSpan.FromMinutes(50));
        Assert.True(await cap.TryTakeAsync("hourly@example.com"));
        clock.Advance(TimeSpan.FromHours(2));
        Assert.True(await cap.TryTakeAsync("someone-else@example.com"));

        await using var db = database.CreateDbContext();
        var rows = await db.Set<AccountMailCount>().ToListAsync();
        Assert.DoesNotContain(rows, r => r.Hour < clock.GetUtcNow().ToUnixTimeSeconds() / 3600 - 1);
        // Only the blind-index hash of an address is kept, never the address.
        Assert.All(rows, r => Assert.Equal(KeyedHash.Length, r.AddressHash.Length));
    }
}
