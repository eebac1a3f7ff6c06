using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Benchmarks;

/// <summary>The real <see cref="ConsentService"/> composed as the app composes it, on the benchmark's database.</summary>
public static class BenchmarkServices
{
    public static ConsentService Consents(BenchmarkDatabase database)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["App:PublicBaseUrl"] = "http://127.0.0.1/",
                // Mail (the outbox, the lifecycle's sign-in address) is sealed with personal-data keys; a run's own random ones do.
                ["ConnectionStrings:PersonalDataKeys"] = $"Data Source={database.Path}.keys",
                ["PersonalData:MasterKey"] = RandomKey(),
                ["PersonalData:BlindIndexKey"] = RandomKey(),
                ["PersonalData:SuppressionKey"] = RandomKey(),
            })
            .Build();
        var services = new ServiceCollection().AddLogging().AddLocalization();
        services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        // The app keeps its keys in the database; the benchmark sends no links, so its own in-memory keys do.
        services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        services.AddLedger().AddJobs().AddMessaging(configuration).AddConsents().AddLifecycle(configuration);
        services.AddPersonalData(configuration, System.IO.Path.GetTempPath());
        return services.BuildServiceProvider().GetRequiredService<ConsentService>();
    }

    /// <summary>A run's own personal-data key: base64 of 32 random bytes, as production requires.</summary>
    public static string RandomKey() => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
}
