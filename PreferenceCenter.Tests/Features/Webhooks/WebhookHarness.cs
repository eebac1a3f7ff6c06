using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Infrastructure.Jobs;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Webhooks;

/// <summary>
/// Webhooks on a real SQLite file with a fake clock: the app's consent service makes changes, the app's dispatcher
/// sends them over real HTTP (Development rules, so a loopback receiver is allowed).
/// </summary>
public sealed class WebhookHarness : IAsyncDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly ServiceProvider http;

    private WebhookHarness(TestDatabase database, WebhookOptions options)
    {
        Database = database;
        Options = options;
        Ledger = new LedgerWriter(Clock);
        Secrets = new WebhookSecrets(new EphemeralDataProtectionProvider());
        var services = new ServiceCollection();
        services.AddHttpClient(WebhookSender.HttpClientName, c => c.Timeout = options.Timeout)
            .ConfigurePrimaryHttpMessageHandler(() => WebhookConnections.CreateHandler(development: true));
        http = services.BuildServiceProvider();
        Consents = new ConsentService(database, Ledger, Clock, LifecycleMailFactory.Mail(database, Clock), database.WriteContexts);
        Admin = new WebhookAdminService(database, Ledger, Secrets, new WebhookUrlValidator(new DevelopmentEnvironment()), Clock);
    }

    public TestDatabase Database { get; }
    public WebhookOptions Options { get; }
    public FakeTimeProvider Clock { get; } = new(Start);
    public LedgerWriter Ledger { get; }
    public WebhookSecrets Secrets { get; }
    public ConsentService Consents { get; }
    public WebhookAdminService Admin { get; }

    public static async Task<WebhookHarness> CreateAsync(WebhookOptions? options = null)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
        }

        return new WebhookHarness(database, options ?? new WebhookOptions
        {
            Timeout = TimeSpan.FromMilliseconds(700), RetryBase = TimeSpan.FromSeconds(10), RetryCap = TimeSpan.FromMinutes(5),
            DeadLetterAfter = TimeSpan.FromHours(1), Parallelism = 4,
        });
    }

    /// <summary>A dispatcher as one app instance has it; two of them share the database and the lease.</summary>
    public WebhookDispatcher Dispatcher() => new(
        Database, new WebhookFanOut(Database, Clock, Microsoft.Extensions.Options.Options.Create(Options)),
        new WebhookSender(http.GetRequiredService<IHttpClientFactory>(), Secrets, Clock), Ledger,
        Microsoft.Extensions.Options.Options.Create(Options), new DatabaseLease(Database, Clock), Clock, NullLogger<WebhookDispatcher>.Instance);

    public async Task<Guid> AddCustomerAsync()
    {
        await using var db = Database.CreateDbContext();
        return await CatalogBuilder.AddCustomerAsync(db);
    }

    public async Task<string> ReferenceOfAsync(Guid customerId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Customers.Where(c => c.Id == customerId).Select(c => c.Reference).SingleAsync();
    }

    public async Task<Guid> AddClientAsync(string name = "newsletter tool")
    {
        var created = await new ApiClientService(Database, Ledger, Clock).CreateAsync(name, [ApiScopes.Decisions], 600, "officer");
        return created.Client!.Id;
    }

    /// <summary>Registers the receiver for every event type and gives it the secret to verify with.</summary>
    public async Task<Guid> RegisterAsync(WebhookReceiver receiver, Guid? clientId = null, params string[] types)
    {
        var result = await Admin.RegisterAsync(clientId ?? await AddClientAsync(), receiver.Url, types.Length == 0 ? WebhookEventTypes.All : types, "officer");
        Assert.Null(result.Problem);
        receiver.Secret = result.Secret;
        await using var db = Database.CreateDbContext();
        return await db.WebhookEndpoints.OrderByDescending(e => e.CreatedAt).Select(e => e.Id).FirstAsync();
    }

    public Task<ConsentChangeResult> SetAsync(Guid customerId, string purpose, Channel channel, bool grant) =>
        Consents.SetAsync(new ConsentChange(customerId, purpose, channel, grant, ConsentChange.AnyVersion, Actor.Customer(customerId), ChangeSource.Web));

    public async Task<List<WebhookDelivery>> DeliveriesAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.WebhookDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    /// <summary>Runs the dispatcher, moving the clock past every backoff, until nothing is left to send (or it gives up).</summary>
    public async Task DrainAsync(WebhookDispatcher dispatcher, int rounds = 30)
    {
        for (var i = 0; i < rounds; i++)
        {
            await dispatcher.RunOnceAsync();
            var left = (await DeliveriesAsync()).Count(d => d.AcknowledgedAt is null && d.DeadLetteredAt is null);
            if (left == 0)
            {
                return;
            }

            Clock.Advance(Options.RetryCap);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await http.DisposeAsync();
        await Database.DisposeAsync();
    }

    private sealed class DevelopmentEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Development;
        public string ApplicationName { get; set; } = "PreferenceCenter";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
