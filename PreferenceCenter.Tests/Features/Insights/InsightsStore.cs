using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Insights;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Insights;

/// <summary>A real SQLite store with the test catalog, customers made in bulk and ledger entries written at chosen times.</summary>
public sealed class InsightsStore : IAsyncDisposable
{
    /// <summary>A Monday: ISO week 2026-W48 starts at 00:00 UTC that day.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private InsightsStore(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; } = new(Now);

    public static async Task<InsightsStore> CreateAsync()
    {
        var store = new InsightsStore(await TestDatabase.CreateAsync());
        await using var db = store.Database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        return store;
    }

    public InsightsService Service(int minimum = 10)
    {
        var feedback = new FeedbackService(Database, new LedgerWriter(Clock), Clock, Database.Protector);
        return new InsightsService(Database, Clock, Options.Create(new InsightsOptions { MinimumCellSize = minimum }), feedback);
    }

    public FeedbackService Feedback => new(Database, new LedgerWriter(Clock), Clock, Database.Protector);

    public async Task<List<Guid>> AddCustomersAsync(int count, CustomerStatus status = CustomerStatus.Active)
    {
        await using var db = Database.CreateDbContext();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        db.Customers.AddRange(ids.Select(id => new Customer { Id = id, Reference = CustomerReference.New(), Status = status, CreatedAt = CatalogBuilder.PublishedAt }));
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>Writes an entry at <paramref name="at"/> (the clock goes there and back), with the consent row it describes when it moves one.</summary>
    public async Task RecordAsync(
        DateTimeOffset at, LedgerEventType type, Guid customer, ChangeSource source = ChangeSource.Web,
        string? purpose = null, Channel? channel = null, string? before = null, string? after = null)
    {
        var clock = new FakeTimeProvider(at);
        await using var db = Database.CreateDbContext();
        await new LedgerWriter(clock).AppendAsync(db, new LedgerDraft(type, Actor.Customer(customer), customer, source, 1, purpose, channel, before, after));
        if (purpose is not null && channel is not null && after is not null)
        {
            var purposeId = await db.Purposes.Where(p => p.Key == purpose).Select(p => p.Id).SingleAsync();
            var consent = await db.Consents.SingleOrDefaultAsync(c => c.CustomerId == customer && c.PurposeId == purposeId && c.Channel == channel)
                ?? db.Consents.Add(new Consent { CustomerId = customer, PurposeId = purposeId, Channel = channel.Value }).Entity;
            consent.State = after switch
            {
                ConsentRules.On or ConsentRules.Lapsed => ConsentState.Granted,
                ConsentRules.Pending => ConsentState.PendingConfirmation,
                _ => ConsentState.Withdrawn,
            };
            consent.ChangedAt = at;
            consent.ExpiresAt = after == ConsentRules.Lapsed ? at : null;
            consent.NoticeVersion = 1;
        }

        await db.SaveChangesAsync();
    }

    public Task GrantAsync(DateTimeOffset at, Guid customer, string purpose, Channel channel, ChangeSource source = ChangeSource.Web) =>
        RecordAsync(at, LedgerEventType.ConsentGranted, customer, source, purpose, channel, ConsentRules.NotGiven, ConsentRules.On);

    public Task WithdrawAsync(DateTimeOffset at, Guid customer, string purpose, Channel channel, ChangeSource source) =>
        RecordAsync(at, LedgerEventType.ConsentWithdrawn, customer, source, purpose, channel, ConsentRules.On, ConsentRules.Off);

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}
