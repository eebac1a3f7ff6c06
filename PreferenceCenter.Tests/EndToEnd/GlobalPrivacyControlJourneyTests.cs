using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class GlobalPrivacyControlJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Email = "gpc.customer@example.com";

    [Fact]
    public async Task A_browser_sending_GPC_stops_sharing_with_partners_once_and_the_customer_can_opt_in_again()
    {
        var customerId = await CustomerSharingWithNorthwindAsync();
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(Email, DemoCustomer.Password);

        // Without the signal nothing changes.
        var preferences = await new PreferencesPage(page, app).OpenAsync();
        var byEmail = preferences.Switch("Sharing with Northwind Travel by email");
        await Expect(byEmail).ToBeCheckedAsync();
        await Expect(page.Locator(".gpc-notice")).ToHaveCountAsync(0);

        // The browser turns Global Privacy Control on: the next page is already rendered with sharing off, and says why.
        await context.SetExtraHTTPHeadersAsync(new Dictionary<string, string> { ["Sec-GPC"] = "1" });
        await preferences.ReloadAsync();
        await Expect(page.Locator(".gpc-notice")).ToContainTextAsync("Your browser asked us not to share your data with partners; we did that.");
        await Expect(byEmail).Not.ToBeCheckedAsync();
        await Expect(preferences.Switch("Sharing with Northwind Travel by phone")).Not.ToBeCheckedAsync();
        Assert.All(await SharingAsync(customerId), c => Assert.Equal((ConsentState.Withdrawn, ChangeSource.GlobalPrivacyControl), (c.State, c.Source)));

        // Opting in again is the customer's explicit choice, recorded as overriding the signal; the signal is not applied again.
        await byEmail.ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("We recorded this as your own choice, over your browser's Global Privacy Control signal.");
        await Expect(page.Locator(".gpc-notice")).ToHaveCountAsync(0);
        await preferences.ReloadAsync();
        await Expect(byEmail).ToBeCheckedAsync();
        await Expect(page.Locator(".gpc-notice")).ToHaveCountAsync(0);

        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = "Your browser's Global Privacy Control signal turned off Sharing with Northwind Travel by email" }))
            .ToHaveCountAsync(1);
        await Expect(history.Entries.Filter(new() { HasText = "Turning on Sharing with Northwind Travel by email was recorded as your own choice" }))
            .ToHaveCountAsync(1);
    }

    private async Task<Guid> CustomerSharingWithNorthwindAsync()
    {
        var customerId = await app.NewAccountAsync(Email);
        var consents = app.Services.GetRequiredService<ConsentService>();
        foreach (var channel in new[] { Channel.Email, Channel.Phone })
        {
            var result = await consents.SetAsync(new ConsentChange(customerId, "sharing-northwind", channel, true, 0, Actor.Customer(customerId), ChangeSource.Web));
            Assert.True(result.Succeeded, result.Message);
        }

        return customerId;
    }

    private async Task<List<Consent>> SharingAsync(Guid customerId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var purpose = await db.Purposes.SingleAsync(p => p.Key == "sharing-northwind");
        return await db.Consents.AsNoTracking().Where(c => c.CustomerId == customerId && c.PurposeId == purpose.Id).ToListAsync();
    }
}
