using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>
/// The real lifecycle services (mail, links, outbox, jobs' logic) as the app composes them, on a test database and
/// clock: for fixtures that build services by hand. Links point at <see cref="BaseUrl"/>.
/// </summary>
public static class LifecycleMailFactory
{
    public const string BaseUrl = "http://127.0.0.1:5999/";

    public static ServiceProvider Services(
        TestDatabase database, TimeProvider clock, IDictionary<string, string?>? settings = null, IDbContextFactory<AppDbContext>? factory = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return Services(factory ?? database, database.KeyStore, clock, settings);
    }

    /// <summary>The same on any main database and key store (PostgreSQL's included).</summary>
    public static ServiceProvider Services(
        IDbContextFactory<AppDbContext> factory, CustomerKeyStore keyStore, TimeProvider clock, IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:PublicBaseUrl"] = BaseUrl })
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection().AddLogging().AddLocalization();
        services.AddLedger();
        // After AddLedger, which registers the system clock: the last registration wins.
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(factory);
        // The database's own key store: sign-in addresses are sealed with the account's key (AccountSealer).
        services.AddSingleton(keyStore).AddSingleton<PersonalDataProtector>().AddSingleton<AccountSealer>();
        // The app keeps its keys in the database (AddAppDatabase); one container's tokens need only its own keys.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddJobs();
        services.AddMessaging(configuration);
        services.AddConsents();
        services.AddLifecycle(configuration);
        services.AddPreferences();
        services.AddPrivacy();
        services.AddReceipts(configuration);
        return services.BuildServiceProvider();
    }

    public static LifecycleMail Mail(TestDatabase database, TimeProvider clock) => Services(database, clock).GetRequiredService<LifecycleMail>();

    public static LifecycleMail Mail(IDbContextFactory<AppDbContext> factory, CustomerKeyStore keyStore, TimeProvider clock) =>
        Services(factory, keyStore, clock).GetRequiredService<LifecycleMail>();
}
