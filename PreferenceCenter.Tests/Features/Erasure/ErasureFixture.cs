using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Support;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>One customer with a real sign-in, and the whole erasure workflow on one fake clock and one real database.</summary>
public sealed class ErasureFixture : IAsyncDisposable
{
    public const string OfficerUserId = "officer-user-id";

    /// <summary>A privacy officer signed in with two factors, as the queue's policy requires.</summary>
    public static readonly ClaimsPrincipal Officer = SupportFixture.Staff(Roles.PrivacyOfficer, userId: OfficerUserId);

    /// <summary>The same officer as the ledger names them, for services that take the actor.</summary>
    public static readonly Actor OfficerActor = Actor.Staff(OfficerUserId);
    public static readonly Uri ConfirmPage = new("https://preferences.example.com/forget-me/confirm");

    private readonly ServiceProvider services;
    private readonly string root;

    private ErasureFixture(TestDatabase database, FakeTimeProvider clock, ServiceProvider services, string root, Guid customerId, string email)
    {
        Database = database;
        Clock = clock;
        this.services = services;
        this.root = root;
        CustomerId = customerId;
        Email = email;
    }

    /// <summary>
    /// Now, to the millisecond (as stored): the fake clock starts at the real time and moves from there; confirmation
    /// links (link tokens) expire on this clock.
    /// </summary>
    public FakeTimeProvider Clock { get; }

    public TestDatabase Database { get; }
    public Guid CustomerId { get; }
    public string Email { get; }
    public string PickupDirectory => ErasureServices.PickupDirectory(root);
    public IServiceProvider Services => services;
    public ErasureRequestService Requests => services.GetRequiredService<ErasureRequestService>();
    public ErasureQueueService Queue => services.GetRequiredService<ErasureQueueService>();
    public ErasureRunner Runner => services.GetRequiredService<ErasureRunner>();
    public ErasureTransitions Transitions => services.GetRequiredService<ErasureTransitions>();
    public ErasureLinks Links => services.GetRequiredService<ErasureLinks>();

    public static async Task<ErasureFixture> CreateAsync()
    {
        var database = await TestDatabase.CreateAsync();
        Guid customerId;
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
            customerId = await CatalogBuilder.AddCustomerAsync(db);
        }

        var root = Path.Combine(Path.GetTempPath(), $"pc-erasure-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
        var provider = new ServiceCollection().AddErasureTestServices(database, clock, root).BuildServiceProvider();
        var email = await ErasureServices.AddSignInAsync(provider, customerId);
        return new ErasureFixture(database, clock, provider, root, customerId, email);
    }

    /// <summary>Asks with the right password and returns the request, as saved.</summary>
    public async Task<ErasureRequestView> RequestAsync()
    {
        var result = await Requests.RequestAsync(CustomerId, ErasureServices.Password, "en", ConfirmPage);
        Assert.Equal(ErasureOutcome.Saved, result.Outcome);
        return result.Request!;
    }

    /// <summary>Asks, confirms by the token the email carried, and returns the verified request.</summary>
    public async Task<ErasureRequestView> VerifiedAsync()
    {
        var request = await RequestAsync();
        var confirmed = await Requests.ConfirmAsync(Links.Issue(request.Id, CustomerId));
        Assert.Equal(ErasureState.Verified, confirmed.Request!.State);
        return confirmed.Request;
    }

    public async Task<ErasureRequestView> ApprovedAsync()
    {
        var request = await VerifiedAsync();
        var approved = await Queue.ApproveAsync(Officer, request.Id);
        Assert.Equal(ErasureState.Approved, approved.Request!.State);
        return approved.Request;
    }

    /// <summary>The erasure entries about this customer, oldest first.</summary>
    public async Task<List<LedgerEntry>> ErasureLedgerAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.Where(e => e.SubjectId == CustomerId && e.EventType >= LedgerEventType.ErasureRequested && e.EventType <= LedgerEventType.ErasureCompleted)
            .OrderBy(e => e.Sequence).ToListAsync();
    }

    public async Task<ErasureState> StateOfAsync(int requestId)
    {
        await using var db = Database.CreateDbContext();
        return await db.ErasureRequests.Where(r => r.Id == requestId).Select(r => r.State).SingleAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await Database.DisposeAsync();
        Directory.Delete(root, recursive: true);
    }
}
