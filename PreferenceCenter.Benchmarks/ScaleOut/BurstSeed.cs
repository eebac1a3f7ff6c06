using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Benchmarks.ScaleOut;

/// <summary>
/// The burst's starting point, written straight into the deployment's database: marketing offered by email and SMS,
/// customers, the first <c>half</c> of them with marketing by email granted (one-click targets), the rest with nothing
/// given (API targets), and an API client that may record consents.
/// </summary>
public static class BurstSeed
{
    public static async Task<(IReadOnlyList<SeededCustomer> Customers, int MarketingPurposeId)> CustomersAsync(DatabaseSettings database, int count, int granted)
    {
        await using var db = StandaloneDbContextOptions.Create(database);
        var now = DateTimeOffset.UtcNow;
        db.NoticeVersions.Add(new NoticeVersion { Number = 1, PublishedAt = now });
        var marketing = new Purpose
        {
            Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", ValidityMonths = 24,
            OfferedChannels = ChannelSetExtensions.Of(Channel.Email, Channel.Sms),
        };
        db.Purposes.Add(marketing);
        await db.SaveChangesAsync();
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (references.Count < count)
        {
            references.Add(CustomerReference.New());
        }

        List<SeededCustomer> customers = [.. references.Select(reference => new SeededCustomer(Guid.NewGuid(), reference))];
        db.Customers.AddRange(customers.Select(c => new Customer { Id = c.Id, UserId = c.Id.ToString(), Reference = c.Reference, CreatedAt = now }));
        db.Consents.AddRange(customers.Take(granted).Select(c => new Consent
        {
            CustomerId = c.Id, PurposeId = marketing.Id, Channel = Channel.Email, State = ConsentState.Granted, ChangedAt = now,
            ExpiresAt = now.AddMonths(24), NoticeVersion = 1, Source = ChangeSource.Web, Version = 1,
        }));
        await db.SaveChangesAsync();
        return (customers, marketing.Id);
    }

    /// <summary>An API client with consents:write, as an officer creates one on /admin/api-clients, with the highest limit.</summary>
    public static async Task<string> ApiKeyAsync(DatabaseSettings database, IReadOnlyDictionary<string, string?> settings)
    {
        ArgumentNullException.ThrowIfNull(database);
        var factory = new PostgreSqlContextFactory(
            new Microsoft.EntityFrameworkCore.Infrastructure.PooledDbContextFactory<PostgreSqlAppDbContext>(StandaloneDbContextOptions.ForPostgreSql(database.ConnectionString)));
        var composed = new Dictionary<string, string?>(settings)
        {
            [DatabaseSettings.ProviderKey] = "PostgreSQL",
            ["ConnectionStrings:PreferenceCenter"] = database.ConnectionString,
            ["ConnectionStrings:PersonalDataKeys"] = database.KeyStoreConnectionString,
        };
        await using var services = BenchmarkServices.Compose(factory, composed);
        var client = await services.GetRequiredService<ApiClientService>().CreateAsync(
            "Burst sender", [ApiScopes.ConsentsWrite], ApiClient.MaxRequestsPerMinute, "benchmark-officer");
        return client.Succeeded ? client.Key! : throw new InvalidOperationException($"Could not create the API client: {client.Problem}");
    }
}
