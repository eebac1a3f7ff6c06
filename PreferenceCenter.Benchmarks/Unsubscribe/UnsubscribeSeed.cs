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

/// <summary>The unsubscribe links of customers seeded with marketing by email granted, and what is durable afterwards.</summary>
public static class UnsubscribeSeed
{
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
