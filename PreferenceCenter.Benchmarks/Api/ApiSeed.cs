using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Benchmarks.Api;

/// <summary>
/// Customers with marketing by SMS granted and the contact rule "as it happens" on SMS (so every reservation is allowed
/// and writes), a few signed up with an email, and an API client with the decisions scope, in the running app's database.
/// </summary>
public static class ApiSeed
{
    public const string Officer = "benchmark-officer";

    public static async Task<ApiWorkload> SeedAsync(AppProcess app, int customers, int withEmail)
    {
        ArgumentNullException.ThrowIfNull(app);
        var seeded = await AppSeed.CustomersAsync(app.DatabasePath, customers, Channel.Sms);
        var factory = new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite($"Data Source={app.DatabasePath}"));
        await using var services = BenchmarkServices.Compose(factory, app.Settings);

        // Sign-ups through the app's own CustomerAccounts: the email sealed in the profile and in the blind index with
        // the app's keys, which is the only way the API finds a customer by email.
        var accounts = services.GetRequiredService<CustomerAccounts>();
        var emails = Enumerable.Range(0, withEmail).Select(i => $"bench-{i}-{Guid.NewGuid():N}@example.com").ToList();
        var signedUp = new List<Guid>(withEmail);
        foreach (var email in emails)
        {
            signedUp.Add((await accounts.CreateForUserAsync(Guid.NewGuid().ToString(), email, "en")).Id);
        }

        await using (var db = factory.CreateDbContext())
        {
            var marketing = await db.Purposes.Where(p => p.Key == "marketing").Select(p => p.Id).SingleAsync();
            await AppSeed.GrantAsync(app.DatabasePath, marketing, Channel.Sms, signedUp);
            var now = DateTimeOffset.UtcNow;
            db.ContactRules.AddRange(seeded.Select(c => c.Id).Concat(signedUp).Select(id => new ContactRule
            {
                CustomerId = id, Channel = Channel.Sms, Frequency = ContactFrequency.AsItHappens, ChangedAt = now,
            }));
            await db.SaveChangesAsync();
        }

        // As an officer creates one on /admin/api-clients, with the highest limit the app allows: the rate limiter is
        // still in the path of every call (as in production) but never refuses one.
        var client = await services.GetRequiredService<ApiClientService>().CreateAsync(
            "Benchmark sender", [ApiScopes.Decisions], ApiClient.MaxRequestsPerMinute, Officer);
        if (!client.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the API client: {client.Problem}");
        }

        return new ApiWorkload(client.Key!, [.. seeded.Select(c => c.Reference)], emails);
    }

    /// <summary>Customers with a recorded SMS contact: one per distinct customer a reservation was allowed for.</summary>
    public static async Task<int> ContactedAsync(string databasePath)
    {
        await using var db = new AppDbContext(StandaloneDbContextOptions.ForSqlite($"Data Source={databasePath}"));
        return await db.ChannelContacts.CountAsync(c => c.Channel == Channel.Sms);
    }
}
