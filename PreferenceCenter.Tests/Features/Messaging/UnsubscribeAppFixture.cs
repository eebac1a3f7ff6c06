using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.Features.Messaging;

/// <summary>The real app plus helpers to make customers with consents and tokens the app itself accepts.</summary>
public sealed class UnsubscribeAppFixture : AppHost
{
    public HttpClient NewClient() => new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = BaseAddress };

    /// <summary>A new customer with marketing granted on email and SMS, and profiling on email.</summary>
    public async Task<Guid> NewCustomerAsync()
    {
        _ = BaseAddress;
        var factory = Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        Guid id;
        await using (var db = await factory.CreateDbContextAsync())
        {
            id = await CatalogBuilder.AddCustomerAsync(db);
        }

        var consents = Services.GetRequiredService<ConsentService>();
        foreach (var (purpose, channel) in new[] { ("marketing", Channel.Email), ("marketing", Channel.Sms), ("profiling", Channel.Email) })
        {
            var result = await consents.SetAsync(new ConsentChange(id, purpose, channel, true, 0, Actor.Customer(id), ChangeSource.Web));
            Assert.True(result.Succeeded, result.Message);
            if (result.Current!.AwaitingConfirmation)
            {
                // Marketing by email needs the double opt-in: confirmed as the customer would, from the link.
                await LifecycleSteps.ConfirmAsync(Services, id, purpose, channel);
            }
        }

        return id;
    }

    public string Token(Guid customerId, LinkPurpose purpose = LinkPurpose.Unsubscribe, TimeSpan? lifetime = null, TimeProvider? clock = null) =>
        new LinkTokens(Services.GetRequiredService<IDataProtectionProvider>(), clock ?? TimeProvider.System)
            .Create(purpose, customerId, "marketing", Channel.Email, lifetime ?? TimeSpan.FromDays(30));

    /// <summary>A token that expired a minute ago: made on a clock 31 days in the past.</summary>
    public string ExpiredToken(Guid customerId) =>
        Token(customerId, clock: new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-31)));

    public async Task<IReadOnlyDictionary<(string, Channel), ConsentCell>> CellsAsync(Guid customerId) =>
        await Services.GetRequiredService<ConsentService>().GetCellsAsync(customerId);

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
