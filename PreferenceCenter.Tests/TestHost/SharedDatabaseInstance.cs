using System.Globalization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// One instance of the app, in process, on a PostgreSQL database (and key store) it shares with other instances, its
/// clock the test's <see cref="SteppingClock"/> and its mail going to a real SMTP server. Every hosted job runs, on
/// one-minute intervals so that one <see cref="SteppingClock.Tick"/> of a minute wakes each of them in every instance.
/// No demo data: the test seeds what it needs.
/// </summary>
public sealed class SharedDatabaseInstance(string connectionString, string keyStoreConnectionString, TimeProvider clock, int smtpPort) : WebApplicationFactory<Program>
{
    private readonly string pickupDirectory = Path.Combine(Path.GetTempPath(), $"pc-instance-{Guid.NewGuid():N}");

    /// <summary>The interval every job runs on here.</summary>
    public static readonly TimeSpan JobInterval = TimeSpan.FromMinutes(1);

    /// <summary>Small outbox batches, so that a queue of mail takes several ticks and the instances take turns at it.</summary>
    public const int OutboxBatchSize = 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environments.Development);
        var settings = new Dictionary<string, string>
        {
            [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.PostgreSQL),
            ["ConnectionStrings:PreferenceCenter"] = connectionString,
            ["ConnectionStrings:PersonalDataKeys"] = keyStoreConnectionString,
            ["Seed:DemoData"] = "false",
            ["App:PublicBaseUrl"] = "http://127.0.0.1:5999/",
            ["Email:PickupDirectory"] = pickupDirectory,
            ["Email:Smtp:Host"] = "127.0.0.1",
            ["Email:Smtp:Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
            ["Email:Smtp:Security"] = "None",
            ["Email:Outbox:PollInterval"] = JobInterval.ToString(),
            ["Email:Outbox:BatchSize"] = OutboxBatchSize.ToString(CultureInfo.InvariantCulture),
            ["Lifecycle:JobIntervalMinutes"] = "1",
            ["Erasure:RunEvery"] = JobInterval.ToString(),
            ["Retention:JobIntervalMinutes"] = "1",
            ["Webhooks:PollInterval"] = JobInterval.ToString(),
            ["Import:PollInterval"] = JobInterval.ToString(),
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (name, value) in TestKeys.Settings.Concat(TestRateLimits.Generous))
        {
            settings[name] = value;
        }

        foreach (var (name, value) in settings)
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureTestServices(services => services.AddSingleton(clock));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        DeletePickupDirectory();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeletePickupDirectory();
        GC.SuppressFinalize(this);
    }

    private void DeletePickupDirectory()
    {
        if (Directory.Exists(pickupDirectory))
        {
            Directory.Delete(pickupDirectory, recursive: true);
        }
    }
}
