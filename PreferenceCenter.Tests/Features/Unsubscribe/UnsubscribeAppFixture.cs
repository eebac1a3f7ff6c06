using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Unsubscribe;

/// <summary>The real app plus helpers to make customers with consents and tokens the app itself accepts.</summary>
public sealed class UnsubscribeAppFixture : AppHost
{
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A new customer with marketing granted on email and SMS, and profiling on email.</summary>
    public Task<Guid> NewCustomerAsync() =>
        this.NewCustomerAsync(("marketing", Channel.Email), ("marketing", Channel.Sms), ("profiling", Channel.Email));

    public string Token(Guid customerId, LinkPurpose purpose = LinkPurpose.Unsubscribe, TimeSpan? lifetime = null, TimeProvider? clock = null) =>
        new LinkTokens(Services.GetRequiredService<IDataProtectionProvider>(), clock ?? TimeProvider.System)
            .Create(purpose, customerId, "marketing", Channel.Email, lifetime ?? TimeSpan.FromDays(30));

    /// <summary>A token that expired a minute ago: made on a clock 31 days in the past.</summary>
    public string ExpiredToken(Guid customerId) =>
        Token(customerId, clock: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-31)));

    public async Task<IReadOnlyDictionary<(string, Channel), ConsentCell>> CellsAsync(Guid customerId) =>
        await Services.GetRequiredService<ConsentService>().GetCellsAsync(customerId);

    /// <summary>
    /// Link tokens as the app would read them after a restart: a new Data Protection stack with nothing in memory
    /// shared with this host, whose only key ring is this app's database, opened with the app's master key (as the app configures it). Dispose it after use.
    /// </summary>
    public (LinkTokens Tokens, ServiceProvider Services) LinkTokensAfterARestart()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddScoped(_ => StandaloneDbContextOptions.Create(new DatabaseSettings(Provider, ConnectionString, KeyStoreConnectionString)));
        services.AddDataProtection().SetApplicationName("PreferenceCenter").PersistKeysToDbContext<AppDbContext>().DisableAutomaticKeyGeneration();
        // The key ring is sealed under the master key (ADR 0010): a restart reads it with the same configuration.
        services.AddSingleton(TestKeys.Keys).AddKeyRingSealing();
        var provider = services.BuildServiceProvider();
        return (new LinkTokens(provider.GetRequiredService<IDataProtectionProvider>(), TimeProvider.System), provider);
    }

    public async Task<int> DataProtectionKeyCountAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.DataProtectionKeys.CountAsync();
    }

    public async Task<List<LedgerEntry>> LedgerAsync(Guid customerId)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.AsNoTracking().Where(e => e.SubjectId == customerId).OrderBy(e => e.Sequence).ToListAsync();
    }
}
