using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class NewCustomerJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task A_new_customer_registers_confirms_their_email_signs_in_and_turns_on_marketing_by_email()
    {
        var email = $"new-{Guid.NewGuid():N}@example.com";
        const string password = "Fresh!Start42";
        var page = await browser.NewPageAsync();
        await using var context = page.Context;

        // Register: the app writes the confirmation mail before it shows "check your email".
        await (await new RegisterPage(page, app).OpenAsync()).RegisterAsync(email, password);
        using var mail = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email);
        var confirmation = MailPickup.LinkTo(mail, "/Account/ConfirmEmail");
        Assert.Equal(app.BaseAddress.Authority, confirmation.Authority);

        await page.GotoAsync(confirmation.AbsoluteUri);
        await Expect(page.GetByText("Thank you for confirming your email.")).ToBeVisibleAsync();

        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(email, password);

        var preferences = await new PreferencesPage(page, app).OpenAsync();
        var marketingByEmail = preferences.Switch("Marketing by email");
        await Expect(marketingByEmail).Not.ToBeCheckedAsync();
        await marketingByEmail.ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Marketing by email is on");
        await Expect(marketingByEmail).ToBeCheckedAsync();

        // Saved on the server, not just flipped in this page's DOM.
        await preferences.ReloadAsync();
        await Expect(preferences.Switch("Marketing by email")).ToBeCheckedAsync();
        await Expect(preferences.Switch("Marketing by SMS")).Not.ToBeCheckedAsync();

        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = "You turned on Marketing by email" })).ToHaveCountAsync(1);

        // Signing out really ends the session: the preferences ask for a sign-in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync(app.Url("preferences"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }
}
