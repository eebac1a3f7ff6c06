using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>
/// The erasure workflow and the data export as the app wires them — Identity on the test database, Data Protection, the pickup-folder
/// transport, the per-customer key store and the real executor — for store and component tests.
/// </summary>
public static class ErasureServices
{
    public const string Password = "Forget!Me42";
    public const string Name = "Ada Lovelace-Byron";
    public const string Phone = "+44 20 7946 0958";

    public static IServiceCollection AddErasureTestServices(this IServiceCollection services, TestDatabase database, TimeProvider clock, string root)
    {
        ArgumentNullException.ThrowIfNull(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(
            TestKeys.Settings.Select(s => KeyValuePair.Create(s.Name, (string?)s.Value)).Concat(database.ConfigurationEntries))
            .Build();
        services.AddLogging();
        services.AddLocalization();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddRequestLimits();
        services.AddSingleton(clock);
        services.AddSingleton(TestPublicLinks.At("http://localhost/"));
        services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        services.AddScoped(_ => database.CreateDbContext());
        services.AddIdentityCore<ApplicationUser>(IdentitySettings.Apply).AddRoles<IdentityRole>().AddEntityFrameworkStores<AppDbContext>()
            .AddUserStore<SealedUserStore>().AddDefaultTokenProviders();
        services.AddAccountLockout();
        services.AddDataProtection().UseEphemeralDataProtectionProvider();
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = root, EnvironmentName = "Test" });
        services.AddOptions<EmailOptions>().Configure(o => o.PickupDirectory = PickupDirectory(root));
        services.AddSingleton<MailComposer>();
        services.AddSingleton<IEmailTransport, PickupDirectoryEmailTransport>();
        services.AddSingleton<LedgerWriter>();
        services.AddPersonalData(configuration, root);
        services.AddErasure();
        services.AddErasureWorkflow(configuration);
        services.AddSingleton<PrivacyNoticeService>();
        services.AddSingleton<ConsentService>();
        services.AddSingleton<WithdrawAllUndo>();
        services.AddSingleton(LifecycleMailFactory.Mail(database, clock));
        services.AddPreferences();
        services.AddMyData();
        // The queue checks the PrivacyOfficer policy itself; page tests put bUnit's authorization on top.
        services.AddAuthorization(Policies.Register);
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, StaffTwoFactorHandler>();
        return services;
    }

    public static string PickupDirectory(string root) => Path.Combine(root, "mail");

    /// <summary>Creates the key store, a sign-in with <see cref="Password"/> and the encrypted profile for the customer.</summary>
    public static async Task<string> AddSignInAsync(IServiceProvider services, Guid customerId, string culture = "en")
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<CustomerKeyStore>().InitializeAsync();
        var email = $"erase-{customerId:N}@example.com";
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, Password);
        Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId);
        // The placeholder account CatalogBuilder gave the customer gives way to this one, with a known password.
        await db.Users.Where(u => u.Id == customer.UserId).ExecuteDeleteAsync();
        customer.UserId = user.Id;
        customer.PreferredCulture = culture;
        await db.SaveChangesAsync();
        // The encrypted profile sign-up writes: the same email, and a name and phone to find in exports and scans.
        var profiles = services.GetRequiredService<CustomerProfileService>();
        var me = Actor.Customer(customerId);
        Assert.Equal(ProfileChangeOutcome.Saved, await profiles.SetEmailAsync(customerId, email, me, ChangeSource.Web));
        Assert.Equal(ProfileChangeOutcome.Saved, await profiles.UpdateAsync(customerId, new ProfileEdit(Name, Phone), me, ChangeSource.Web));
        return email;
    }
}
