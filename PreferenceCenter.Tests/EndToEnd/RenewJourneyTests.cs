using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class RenewJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_whose_consent_is_due_for_renewal_renews_it_from_the_emailed_link()
    {
        // Marketing by email given 23 months ago, ending in 20 days: due for renewal.
        var token = await LinkPageState.TokenAsync(app, LinkPurpose.Renew);
        var customerId = app.Services.GetRequiredService<LinkTokens>().TryRead(token, LinkPurpose.Renew).Token!.CustomerId;
        var endedOn = (await MarketingByEmailAsync(customerId)).ExpiresAt!.Value;
        var page = await browser.NewPageAsync();
        await using var context = page.Context;

        var renew = await new ConsentLinkPage(page).OpenAsync(new Uri(app.Url($"renew/{token}")));
        await Expect(renew.Heading).ToHaveTextAsync("Renew your consent");
        await Expect(page.GetByText("Press the button to keep it for another period.")).ToBeVisibleAsync();
        await renew.PressAsync("Renew");

        // Saved on the server: a new period, later than the one that was ending; the page says until when.
        var renewed = await MarketingByEmailAsync(customerId);
        Assert.Equal(ConsentState.Granted, renewed.State);
        Assert.True(renewed.ExpiresAt > endedOn, $"Still ends on {renewed.ExpiresAt:u}, not after {endedOn:u}.");
        var until = renewed.ExpiresAt!.Value.ToUniversalTime().ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"));
        await Expect(renew.Outcome).ToHaveTextAsync($"Thank you: Marketing by email is renewed, until {until}.");
    }

    private async Task<Consent> MarketingByEmailAsync(Guid customerId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.Consents.AsNoTracking().SingleAsync(c => c.CustomerId == customerId && c.Channel == Channel.Email);
    }
}
