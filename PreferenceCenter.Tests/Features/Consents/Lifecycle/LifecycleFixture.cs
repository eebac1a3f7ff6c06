using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Messaging.Sending;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>
/// The seeded test catalog, one customer with an email address, and the lifecycle services composed as the app
/// composes them, on one real database and one fake clock. Pass settings (SMTP, lifecycle days) to change them.
/// </summary>
public sealed class LifecycleFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private LifecycleFixture(TestDatabase database, Guid customerId, IDictionary<string, string?>? settings)
    {
        Database = database;
        CustomerId = customerId;
        Services = LifecycleMailFactory.Services(database, Clock, settings);
    }

    public TestDatabase Database { get; }
    public Guid CustomerId { get; }
    public FakeTimeProvider Clock { get; } = new(Now);
    public ServiceProvider Services { get; }
    public ConsentService Consents => Get<ConsentService>();
    public LinkTokens Tokens => Get<LinkTokens>();

    public static async Task<LifecycleFixture> CreateAsync(IDictionary<string, string?>? settings = null, string? culture = null)
    {
        var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        var customerId = await CatalogBuilder.AddCustomerAsync(db);
        if (culture is not null)
        {
            (await db.Customers.SingleAsync(c => c.Id == customerId)).PreferredCulture = culture;
            await db.SaveChangesAsync();
        }

        return new LifecycleFixture(database, customerId, settings);
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<ConsentChangeResult> SetAsync(string purpose, Channel channel, bool grant, int expectedVersion = 0) =>
        await Consents.SetAsync(new ConsentChange(CustomerId, purpose, channel, grant, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web));

    /// <summary>A link token as the app would put in an email now, for this customer's consent.</summary>
    public string Token(LinkPurpose purpose, string purposeKey, Channel channel, TimeSpan lifetime) =>
        Tokens.Create(purpose, CustomerId, purposeKey, channel, lifetime);

    public async Task<Consent> ConsentAsync(string purpose, Channel channel)
    {
        await using var db = Database.CreateDbContext();
        return await db.Consents.Join(db.Purposes.Where(p => p.Key == purpose), c => c.PurposeId, p => p.Id, (c, _) => c)
            .SingleAsync(c => c.CustomerId == CustomerId && c.Channel == channel);
    }

    public async Task<List<LedgerEntry>> EntriesAsync(LedgerEventType type)
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.Where(e => e.EventType == type).OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>The queued mail as the dispatcher would send it (stored sealed with the customer's key).</summary>
    public async Task<List<OutboxMessage>> OutboxAsync()
    {
        await using var db = Database.CreateDbContext();
        var outbox = Get<Outbox>();
        var opened = new List<OutboxMessage>();
        foreach (var row in await db.OutboxMessages.OrderBy(m => m.Id).ToListAsync())
        {
            opened.Add(await outbox.OpenAsync(row) ?? row);
        }

        return opened;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
