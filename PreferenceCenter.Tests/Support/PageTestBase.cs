using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Tests.Support;

/// <summary>
/// Page tests with the real feature services on a real SQLite file, a fake clock and a signed-in customer.
/// Call <see cref="SignInCustomerAsync"/> before rendering.
/// </summary>
public abstract class PageTestBase : ComponentTestBase
{
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 14, 0, TimeSpan.Zero);

    private TestDatabase? database;

    protected PageTestBase(string culture = "en") : base(culture)
    {
    }

    protected FakeTimeProvider Clock { get; } = new(Now);
    protected TestDatabase Database => database ?? throw new InvalidOperationException("Call SignInCustomerAsync first.");
    protected Guid CustomerId { get; private set; }

    protected async Task SignInCustomerAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
            CustomerId = await CatalogBuilder.AddCustomerAsync(db);
        }

        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(database);
        Services.AddSingleton<LedgerWriter>();
        Services.AddSingleton<ConsentService>();
        Services.AddSingleton<PrivacyNoticeService>();
        Services.AddSingleton<HistoryService>();
        Services.AddScoped<HistoryDescriber>();
        var auth = AddAuthorization();
        auth.SetAuthorized("customer@example.com");
        auth.SetRoles(Roles.Customer);
        auth.SetClaims(new Claim(CustomerClaims.CustomerId, CustomerId.ToString()));
        // As on a live circuit; set last, because it builds the service provider.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected ConsentService Consents => Services.GetRequiredService<ConsentService>();

    protected ConsentChange Change(string purpose, Channel channel, bool grant, int expectedVersion = 0) =>
        new(CustomerId, purpose, channel, grant, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web);

    protected override ValueTask CleanUpAsync() => database?.DisposeAsync() ?? ValueTask.CompletedTask;
}
