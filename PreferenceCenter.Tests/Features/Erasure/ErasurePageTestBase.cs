using System.Security.Claims;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>
/// Page tests for the erasure screens: the real workflow (<see cref="ErasureServices"/>) on a real SQLite file, one
/// customer with a real sign-in, signed in as that customer or as the officer.
/// </summary>
public abstract class ErasurePageTestBase : ComponentTestBase
{
    public const string OfficerUserId = "officer-user-id";

    private readonly string root = Path.Combine(Path.GetTempPath(), $"pc-erasure-page-{Guid.NewGuid():N}");
    private TestDatabase? database;

    // Starts at the real time, to the millisecond (as stored), and moves only when a test moves it.
    protected FakeTimeProvider Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()));
    protected Guid CustomerId { get; private set; }
    protected ErasureRequestService Requests => Services.GetRequiredService<ErasureRequestService>();
    protected ErasureLinks Links => Services.GetRequiredService<ErasureLinks>();

    protected TestDatabase Database => database ?? throw new InvalidOperationException("Sign in first.");

    /// <summary>The emails sent so far (the pickup folder's .eml files).</summary>
    protected int MailsSent => Directory.Exists(ErasureServices.PickupDirectory(root)) ? Directory.GetFiles(ErasureServices.PickupDirectory(root), "*.eml").Length : 0;

    protected Task SignInCustomerAsync() => SetUpAsync(auth =>
    {
        auth.SetAuthorized("customer@example.com");
        auth.SetRoles(Roles.Customer);
        auth.SetClaims(new Claim(CustomerClaims.CustomerId, CustomerId.ToString()));
    });

    protected Task SignInOfficerAsync() => SetUpAsync(auth =>
    {
        auth.SetAuthorized("officer@example.com");
        auth.SetRoles(Roles.PrivacyOfficer);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, OfficerUserId));
        auth.SetPolicies(Policies.PrivacyOfficer);
    });

    /// <summary>
    /// The officer's rejection as a set-up step while a customer is signed in: the step itself, straight through the
    /// transitions (the queue would rightly refuse the signed-in customer).
    /// </summary>
    protected async Task RejectAsOfficerAsync(int requestId, string reason)
    {
        var result = await Services.GetRequiredService<ErasureTransitions>().ApplyAsync(
            requestId, ErasureAction.Reject, Actor.Staff(OfficerUserId), ChangeSource.Web, owner: null,
            (r, now) => (r.DecidedAt, r.DecidedBy, r.RejectionReason) = (now, OfficerUserId, reason));
        Assert.Equal(ErasureOutcome.Saved, result.Outcome);
    }

    /// <summary>The customer asks (right password), confirms by the emailed token, and the request is returned.</summary>
    protected async Task<ErasureRequestView> VerifiedRequestAsync()
    {
        var asked = await Requests.RequestAsync(CustomerId, ErasureServices.Password, "en", new Uri("http://localhost/forget-me/confirm"));
        return (await Requests.ConfirmAsync(Links.Issue(asked.Request!.Id, CustomerId))).Request!;
    }

    private async Task SetUpAsync(Action<BunitAuthorizationContext> signIn)
    {
        Directory.CreateDirectory(root);
        database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
            CustomerId = await CatalogBuilder.AddCustomerAsync(db);
        }

        Services.AddErasureTestServices(database, Clock, root);
        signIn(AddAuthorization());
        // As on a live circuit; set last, because it builds the service provider.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        await ErasureServices.AddSignInAsync(Services, CustomerId);
    }

    protected override async ValueTask CleanUpAsync()
    {
        if (database is not null)
        {
            await database.DisposeAsync();
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
