using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Benchmarks.Unsubscribe;

/// <summary>Writes customers with marketing by email granted into the running app's database, and makes their links.</summary>
public static class UnsubscribeSeed
{
    public static async Task<IReadOnlyList<Guid>> CustomersAsync(string databasePath, int count)
    {
        await using var db = new AppDbContext(StandaloneDbContextOptions.ForSqlite($"Data Source={databasePath}"));
        var now = DateTimeOffset.UtcNow;
        db.NoticeVersions.Add(new NoticeVersion { Number = 1, PublishedAt = now });
        var marketing = new Purpose
        {
            Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", ValidityMonths = 24,
            OfferedChannels = ChannelSet.Email,
        };
        db.Purposes.Add(marketing);
        await db.SaveChangesAsync();
        var ids = Enumerable.Range(0, count).Select(_ => Guid.NewGuid()).ToList();
        // References are short and random: tens of thousands of them would now and then collide on the unique index.
        var references = new HashSet<string>(StringComparer.Ordinal);
        while (references.Count < count)
        {
            references.Add(CustomerReference.New());
        }

        db.Customers.AddRange(ids.Zip(references, (id, reference) => new Customer { Id = id, UserId = id.ToString(), Reference = reference, CreatedAt = now }));
        db.Consents.AddRange(ids.Select(id => new Consent
        {
            CustomerId = id, PurposeId = marketing.Id, Channel = Channel.Email, State = ConsentState.Granted, ChangedAt = now,
            ExpiresAt = now.AddMonths(24), NoticeVersion = 1, Source = ChangeSource.Web, Version = 1,
        }));
        await db.SaveChangesAsync();
        return ids;
    }

    /// <summary>
    /// Unsubscribe links as the app's emails carry them: made with the app's own key ring, which it keeps in the
    /// database, so this process and the app read the same keys.
    /// </summary>
    public static IReadOnlyList<string> Links(string databasePath, IEnumerable<Guid> customers)
    {
        var services = new ServiceCollection();
        services.AddScoped(_ => new AppDbContext(StandaloneDbContextOptions.ForSqlite($"Data Source={databasePath}")));
        services.AddDataProtection().SetApplicationName("PreferenceCenter").PersistKeysToDbContext<AppDbContext>();
        using var provider = services.BuildServiceProvider();
        var tokens = new LinkTokens(provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
        return [.. customers.Select(id => $"u/{tokens.Create(LinkPurpose.Unsubscribe, id, "marketing", Channel.Email, TimeSpan.FromDays(1))}")];
    }

    /// <summary>What is durable after the run: consents now off, and one-click ledger entries.</summary>
    public static async Task<(int Withdrawn, int LedgerEntries)> CountAsync(string databasePath)
    {
        await using var db = new AppDbContext(StandaloneDbContextOptions.ForSqlite($"Data Source={databasePath}"));
        return (await db.Consents.CountAsync(c => c.State == ConsentState.Withdrawn),
            await db.LedgerEntries.CountAsync(e => e.Source == ChangeSource.OneClickUnsubscribe && e.EventType == LedgerEventType.ConsentWithdrawn));
    }
}
