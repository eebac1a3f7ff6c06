using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Benchmarks.Unsubscribe;

/// <summary>The unsubscribe links of customers seeded with marketing by email granted, and what is durable afterwards.</summary>
public static class UnsubscribeSeed
{
    /// <summary>
    /// Unsubscribe links as the app's emails carry them: made with the app's own key ring, which it keeps in the
    /// database sealed under its master key, so this process and the app read the same keys.
    /// </summary>
    public static IReadOnlyList<string> Links(AppProcess app, IEnumerable<Guid> customers)
    {
        ArgumentNullException.ThrowIfNull(app);
        return Links(app.Database, app.Settings, customers);
    }

    /// <summary>The same for an app on <paramref name="database"/> started with <paramref name="settings"/> (its personal-data keys).</summary>
    public static IReadOnlyList<string> Links(DatabaseSettings database, IReadOnlyDictionary<string, string?> settings, IEnumerable<Guid> customers)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var services = new ServiceCollection();
        services.AddScoped(_ => StandaloneDbContextOptions.Create(database));
        services.AddSingleton(PersonalDataKeys.From(new PersonalDataOptions
        {
            MasterKey = settings["PersonalData:MasterKey"],
            BlindIndexKey = settings["PersonalData:BlindIndexKey"],
            SuppressionKey = settings["PersonalData:SuppressionKey"],
        }));
        services.AddDataProtection().SetApplicationName("PreferenceCenter").PersistKeysToDbContext<AppDbContext>();
        services.AddKeyRingSealing();
        using var provider = services.BuildServiceProvider();
        var tokens = new LinkTokens(provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System);
        return [.. customers.Select(id => $"u/{tokens.Create(LinkPurpose.Unsubscribe, id, "marketing", Channel.Email, TimeSpan.FromDays(1))}")];
    }

    /// <summary>What is durable after the run: consents now off, and one-click ledger entries.</summary>
    public static async Task<(int Withdrawn, int LedgerEntries)> CountAsync(DatabaseSettings database)
    {
        await using var db = StandaloneDbContextOptions.Create(database);
        return (await db.Consents.CountAsync(c => c.State == ConsentState.Withdrawn),
            await db.LedgerEntries.CountAsync(e => e.Source == ChangeSource.OneClickUnsubscribe && e.EventType == LedgerEventType.ConsentWithdrawn));
    }
}
