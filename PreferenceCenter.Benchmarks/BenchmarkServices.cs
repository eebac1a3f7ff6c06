using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Benchmarks;

/// <summary>The app's real services composed as the app composes them, on a benchmark's database.</summary>
public static class BenchmarkServices
{
    public static ConsentService Consents(IConsentBenchmarkDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["App:PublicBaseUrl"] = "http://127.0.0.1/",
            // Mail (the outbox, the lifecycle's sign-in address) is sealed with personal-data keys; a run's own random ones do.
            ["PersonalData:MasterKey"] = RandomKey(),
            ["PersonalData:BlindIndexKey"] = RandomKey(),
            ["PersonalData:SuppressionKey"] = RandomKey(),
        };
        return Compose(database, settings).GetRequiredService<ConsentService>();
    }

    /// <summary>
    /// Consents, accounts and API clients on <paramref name="database"/> with <paramref name="settings"/>; given a running
    /// app's settings, what they write (a customer's sealed email, an API client) the app reads as its own.
    /// </summary>
    public static ServiceProvider Compose(
        IDbContextFactory<AppDbContext> database, IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? more = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging().AddLocalization();
        services.AddSingleton(database);
        // The app keeps its keys in the database; the benchmark sends no links, so its own in-memory keys do.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddLedger().AddJobs().AddMessaging(configuration).AddConsents().AddLifecycle(configuration);
        services.AddPersonalData(configuration, System.IO.Path.GetTempPath());
        services.AddSingleton<CustomerAccounts>().AddSingleton<ApiClientService>();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>A run's own personal-data key: base64 of 32 random bytes, as production requires.</summary>
    public static string RandomKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
