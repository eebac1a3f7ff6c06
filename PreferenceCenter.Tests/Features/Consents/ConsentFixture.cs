using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents;

/// <summary>A seeded catalog, one customer and a real <see cref="ConsentService"/> on a fake clock.</summary>
public sealed class ConsentFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private ConsentFixture(TestDatabase database, Guid customerId)
    {
        Database = database;
        CustomerId = customerId;
        Service = new ConsentService(database, new LedgerWriter(Clock), Clock, LifecycleMailFactory.Mail(database, Clock), database.WriteContexts);
    }

    public TestDatabase Database { get; }
    public Guid CustomerId { get; }
    public FakeTimeProvider Clock { get; } = new(Now);
    public ConsentService Service { get; }

    public static async Task<ConsentFixture> CreateAsync(CustomerStatus status = CustomerStatus.Active)
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        return new ConsentFixture(database, await CatalogBuilder.AddCustomerAsync(db, status));
    }

    public ConsentChange Change(string purpose, Channel channel, bool grant, int expectedVersion = 0) =>
        new(CustomerId, purpose, channel, grant, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web);

    public async Task<(int Consents, int LedgerEntries)> CountRowsAsync()
    {
        await using var db = Database.CreateDbContext();
        return (db.Consents.Count(), db.LedgerEntries.Count());
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
