using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Benchmarks.Http;

/// <summary>
/// Writes the published notice, a marketing purpose offered on one channel, and customers who granted it there,
/// straight into the running app's database: tens of thousands of sign-ups through the app would take minutes.
/// </summary>
public static class AppSeed
{
    public static Task<IReadOnlyList<SeededCustomer>> CustomersAsync(string databasePath, int count, Channel channel) =>
        CustomersAsync(DatabaseSettings.Sqlite($"Data Source={databasePath}", ""), count, channel);

    public static async Task<IReadOnlyList<SeededCustomer>> CustomersAsync(DatabaseSettings database, int count, Channel channel)
    {
        await using var db = StandaloneDbContextOptions.Create(database);
        var now = DateTimeOffset.UtcNow;
        db.NoticeVersions.Add(new NoticeVersion { Number = 1, PublishedAt = now });
        var marketing = new Purpose
        {
            Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", ValidityMonths = 24,
            OfferedChannels = ChannelSetExtensions.Of(channel),
        };
        db.Purposes.Add(marketing);
        await db.SaveChangesAsync();
        // References are short and random: tens of thousands of them would now and then collide on the unique index.
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (references.Count < count)
        {
            references.Add(CustomerReference.New());
        }

        List<SeededCustomer> customers = [.. references.Select(reference => new SeededCustomer(Guid.NewGuid(), reference))];
        db.Customers.AddRange(customers.Select(c => new Customer { Id = c.Id, UserId = c.Id.ToString(), Reference = c.Reference, CreatedAt = now }));
        await db.SaveChangesAsync();
        await GrantAsync(database, marketing.Id, channel, customers.Select(c => c.Id));
        if (db.Database.IsNpgsql())
        {
            // A running server's autovacuum has analysed tables of this size long before a campaign: without it the
            // planner would still think the tables empty, which no production database is, and plan for that.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        return customers;
    }

    /// <summary>Consent granted on <paramref name="channel"/>, as a customer's tick on the page leaves it.</summary>
    public static Task GrantAsync(string databasePath, int purposeId, Channel channel, IEnumerable<Guid> customers) =>
        GrantAsync(DatabaseSettings.Sqlite($"Data Source={databasePath}", ""), purposeId, channel, customers);

    /// <inheritdoc cref="GrantAsync(string, int, Channel, IEnumerable{Guid})"/>
    public static async Task GrantAsync(DatabaseSettings database, int purposeId, Channel channel, IEnumerable<Guid> customers)
    {
        await using var db = StandaloneDbContextOptions.Create(database);
        var now = DateTimeOffset.UtcNow;
        db.Consents.AddRange(customers.Select(id => new Consent
        {
            CustomerId = id, PurposeId = purposeId, Channel = channel, State = ConsentState.Granted, ChangedAt = now,
            ExpiresAt = now.AddMonths(24), NoticeVersion = 1, Source = ChangeSource.Web, Version = 1,
        }));
        await db.SaveChangesAsync();
    }
}
