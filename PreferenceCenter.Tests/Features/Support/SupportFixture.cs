using System.Security.Claims;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Support;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

/// <summary>
/// The support console's services as the app wires them — Identity's user manager, real authorization policies,
/// the consent and preference services, mail written to a pickup folder — over a fresh SQLite file, with two
/// customers who have sign-in accounts (Mario, with email and phone; Ana, with email only).
/// </summary>
public sealed class SupportFixture : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = PreferenceFixture.Now;
    public const string MarioEmail = "mario.rossi@example.com";
    public const string MarioPhone = "+39 333 123 4512";
    public const string AnaEmail = "ana@example.com";
    public const string AgentUserId = "agent-user-id";

    private readonly ServiceProvider services;
    private readonly AsyncServiceScope scope;
    private long setupEntries;

    private SupportFixture(TestDatabase database, string pickupDirectory, bool requireStaffTwoFactor)
    {
        Database = database;
        PickupDirectory = pickupDirectory;
        var collection = new ServiceCollection().AddLogging().AddLocalization();
        AddSupportServices(collection, database, Clock, pickupDirectory, requireStaffTwoFactor);
        services = collection.BuildServiceProvider(validateScopes: true);
        scope = services.CreateAsyncScope();
    }

    public TestDatabase Database { get; }
    public string PickupDirectory { get; }
    public FakeTimeProvider Clock { get; } = new(Now);
    public Guid Mario { get; private set; }
    public Guid Ana { get; private set; }
    public string MarioReference { get; private set; } = string.Empty;

    public SupportConsoleService Console => scope.ServiceProvider.GetRequiredService<SupportConsoleService>();
    public PreferenceCenter.Features.Consents.ConsentService Consents => scope.ServiceProvider.GetRequiredService<PreferenceCenter.Features.Consents.ConsentService>();
    public UserManager<ApplicationUser> Users => scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
    public IServiceProvider Services => scope.ServiceProvider;

    public static async Task<SupportFixture> CreateAsync(bool requireStaffTwoFactor = true)
    {
        var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
        }

        var fixture = new SupportFixture(database, Path.Combine(Path.GetTempPath(), $"pc-support-mail-{Guid.NewGuid():N}"), requireStaffTwoFactor);
        (fixture.Mario, fixture.MarioReference) = await fixture.AddCustomerAsync(MarioEmail, MarioPhone, "it");
        (fixture.Ana, _) = await fixture.AddCustomerAsync(AnaEmail, phone: null, culture: null);
        fixture.setupEntries = (await fixture.LedgerAsync()).Count;
        return fixture;
    }

    /// <summary>A support agent (or officer) with two-factor sign-in on, unless told otherwise.</summary>
    public static ClaimsPrincipal Staff(string role = Roles.Support, bool twoFactor = true, string userId = AgentUserId)
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Role, role) };
        if (twoFactor)
        {
            claims.Add(new Claim(StaffClaims.TwoFactorEnabled, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    public static ClaimsPrincipal CustomerPrincipal(Guid customerId) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, $"user-{customerId}"), new Claim(ClaimTypes.Role, Roles.Customer), new Claim(CustomerClaims.CustomerId, customerId.ToString())],
        "test"));

    public static ClaimsPrincipal Anonymous { get; } = new(new ClaimsIdentity());

    /// <summary>
    /// The console's services and everything they lean on, as the app registers them; shared with the component
    /// tests, which put bUnit's own authorization on top.
    /// </summary>
    public static void AddSupportServices(IServiceCollection services, TestDatabase database, TimeProvider clock, string pickupDirectory, bool requireStaffTwoFactor)
    {
        ArgumentNullException.ThrowIfNull(services);
        services
            .AddSingleton(clock)
            .AddSingleton<IDbContextFactory<AppDbContext>>(database)
            .AddScoped(_ => database.CreateDbContext())
            .AddSingleton(TestPublicLinks.At("http://localhost/"))
            .AddSingleton<IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = Path.GetTempPath() })
            .AddSingleton<LedgerWriter>()
            .AddSingleton<ILedgerTextSealer, LedgerTextSealer>()
            .AddSingleton<PreferenceCenter.Features.Consents.ConsentService>()
            .AddSingleton(LifecycleMailFactory.Mail(database, clock))
            .AddSingleton<HistoryService>()
            .AddScoped<HistoryDescriber>()
            .AddSingleton<PreferenceCenter.Features.Privacy.PrivacyNoticeService>()
            .AddSingleton(TestKeys.Keys)
            .AddSingleton(database.KeyStore)
            .AddSingleton(database.Protector)
            .AddSingleton<BlindIndex>()
            .AddSingleton<SuppressionList>()
            .AddSingleton<CustomerProfileService>()
            .AddSingleton<CustomerLookup>()
            .AddSingleton<AccountSealer>()
            .AddSingleton<CustomerAccounts>()
            .AddSingleton<ILookupNormalizer, BlindIndexLookupNormalizer>()
            .AddSingleton<MailComposer>()
            .AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>()
            .AddPreferences()
            .AddAccountLockout()
            .AddSupport();
        // Filing an erasure request for a customer goes through the erasure workflow itself.
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build();
        services.AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration);
        services.AddRequestLimits();
        services.AddErasureWorkflow(configuration);
        services.AddOptions<EmailOptions>().Configure(o => o.PickupDirectory = pickupDirectory);
        services.AddOptions<SecurityOptions>().Configure(o => o.RequireStaffTwoFactor = requireStaffTwoFactor);
        services.AddAuthorization(Policies.Register);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, StaffTwoFactorHandler>();
        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<SealedUserStore>();
    }

    public async Task EraseAsync(Guid customerId)
    {
        await using var db = Database.CreateDbContext();
        await db.Customers.Where(c => c.Id == customerId).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CustomerStatus.Erased));
    }

    /// <summary>A reason as the ledger stores it, opened with the customer's key (null when the key is gone).</summary>
    public async Task<string?> OpenAsync(Guid customerId, string? stored)
    {
        Assert.True(ProtectedText.IsSealed(stored), $"stored in the clear: {stored}");
        using var cipher = await Database.Protector.ForReadingAsync(customerId);
        return cipher?.Unprotect(stored);
    }

    /// <summary>The entries written since the two customers signed up (their sign-up and profile entries are not the test's).</summary>
    public async Task<List<LedgerEntry>> LedgerAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence > setupEntries).OrderBy(e => e.Sequence).ToListAsync();
    }

    private async Task<(Guid Id, string Reference)> AddCustomerAsync(string email, string? phone, string? culture)
    {
        // As sign-up does: the Identity user, then the customer with their encrypted profile; the phone as the profile page saves it.
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await Users.CreateAsync(user, DemoCustomer.Password);
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        var customer = await Services.GetRequiredService<CustomerAccounts>().CreateForUserAsync(user.Id, email, culture);
        if (phone is not null)
        {
            await Services.GetRequiredService<CustomerProfileService>().UpdateAsync(
                customer.Id, new ProfileEdit(Name: null, phone), Actor.Customer(customer.Id), ChangeSource.Web);
        }

        return (customer.Id, customer.Reference);
    }

    public async ValueTask DisposeAsync()
    {
        await scope.DisposeAsync();
        await services.DisposeAsync();
        await Database.DisposeAsync();
        if (Directory.Exists(PickupDirectory))
        {
            Directory.Delete(PickupDirectory, recursive: true);
        }
    }
}
