using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class FeedbackOfferJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Email = "too.often@example.com";

    [Fact]
    public async Task You_contact_me_too_often_offers_to_write_less_and_does_it_on_the_spot()
    {
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true };
            Assert.True((await users.CreateAsync(user, DemoCustomer.Password)).Succeeded);
            await users.AddToRoleAsync(user, Roles.Customer);
            await scope.ServiceProvider.GetRequiredService<CustomerAccounts>().CreateForUserAsync(user.Id, Email, culture: null);
        }

        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(Email, DemoCustomer.Password);
        var preferences = await new PreferencesPage(page, app).OpenAsync();

        var feedback = page.Locator("section.feedback");
        await feedback.GetByLabel("You contact me too often").CheckAsync();
        await page.Locator("#feedback-channel").SelectOptionAsync(nameof(Channel.Email));
        await feedback.GetByRole(AriaRole.Button, new() { Name = "Send feedback" }).ClickAsync();

        var offer = page.GetByRole(AriaRole.Group, new() { Name = "Would you like us to contact you less by email?" });
        await Expect(offer).ToBeVisibleAsync();
        var offered = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(offered.Count == 0, AxeReport.Describe("/preferences (feedback offer)", offered));
        await offer.GetByRole(AriaRole.Button, new() { Name = "Yes: at most one weekly digest" }).ClickAsync();

        await Expect(preferences.Status).ToHaveTextAsync("Done: contact by email is now at most one weekly digest.");
        await Expect(offer).ToHaveCountAsync(0);
        await preferences.ReloadAsync();
        await Expect(page.Locator("#frequency-Email")).ToHaveValueAsync("WeeklyDigest");
    }
}
