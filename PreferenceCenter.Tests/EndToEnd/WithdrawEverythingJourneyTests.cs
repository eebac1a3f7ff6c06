using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class WithdrawEverythingJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Email = "withdraw.everything@example.com";

    [Fact]
    public async Task Withdraw_everything_asks_first_then_an_undo_brings_everything_back_and_history_says_so()
    {
        await CustomerWithTwoConsentsAsync();
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(Email, DemoCustomer.Password);
        var preferences = await new PreferencesPage(page, app).OpenAsync();
        await Expect(preferences.Switch("Sharing with Northwind Travel by email")).ToBeCheckedAsync();

        // The keyboard way: the question comes right after the button, so Tab reaches the answer.
        await page.GetByRole(AriaRole.Button, new() { Name = "Withdraw everything", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Group, new() { Name = "Switch off every consent now?" })).ToBeVisibleAsync();
        var asking = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(asking.Count == 0, AxeReport.Describe("/preferences (asking to withdraw everything)", asking));
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Yes, withdraw everything" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(preferences.Status).ToContainTextAsync("Done: 2 consents withdrawn.");
        var undoOffered = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(undoOffered.Count == 0, AxeReport.Describe("/preferences (undo offered)", undoOffered));
        await Expect(preferences.Switch("Sharing with Northwind Travel by email")).Not.ToBeCheckedAsync();

        // A reload still offers the undo within its ten minutes.
        await preferences.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo “withdraw everything”" }).ClickAsync();

        await Expect(preferences.Status).ToContainTextAsync("Undone: 2 consents are back as they were.");
        await Expect(preferences.Switch("Sharing with Northwind Travel by email")).ToBeCheckedAsync();
        await Expect(preferences.Switch("Sharing with Northwind Travel by phone")).ToBeCheckedAsync();

        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = "You undid “withdraw everything”: 2 consents came back as they were" })).ToHaveCountAsync(1);
        await Expect(history.Entries.Filter(new() { HasText = "You withdrew everything at once" })).ToHaveCountAsync(1);
    }

    private async Task CustomerWithTwoConsentsAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = Email, Email = Email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoCustomer.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Customer);
        var customerId = (await scope.ServiceProvider.GetRequiredService<CustomerAccounts>().CreateForUserAsync(user.Id, Email, culture: null)).Id;
        var consents = app.Services.GetRequiredService<ConsentService>();
        foreach (var channel in new[] { Channel.Email, Channel.Phone })
        {
            var result = await consents.SetAsync(new ConsentChange(customerId, "sharing-northwind", channel, true, 0, Actor.Customer(customerId), ChangeSource.Web));
            Assert.True(result.Succeeded, result.Message);
        }
    }
}
