using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class NewCustomerJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task A_new_customer_registers_signs_in_turns_on_marketing_by_email_and_confirms_it_from_the_email()
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

        // Marketing by email waits for a double opt-in: switched on, it says to check the inbox.
        var preferences = await new PreferencesPage(page, app).OpenAsync();
        var marketingByEmail = preferences.Switch("Marketing by email");
        await Expect(marketingByEmail).Not.ToBeCheckedAsync();
        await marketingByEmail.ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Almost done: we sent you an email. Marketing by email starts once you confirm it");
        await Expect(page.GetByText("Waiting for your confirmation: check your inbox")).ToBeVisibleAsync();
        await Expect(preferences.Switch("Marketing by email (waiting for your confirmation, not on yet)")).Not.ToBeCheckedAsync();

        // The link in the email the outbox delivered: GET only offers the button; pressing it confirms.
        using var optIn = await PickupMailbox.WaitForAsync(app.PickupDirectory, email, "Please confirm: Marketing by email");
        Assert.Null(optIn.Headers["List-Unsubscribe"]); // a request to confirm: nothing to unsubscribe from yet
        var confirm = await new ConsentLinkPage(page).OpenAsync(MailPickup.LinkTo(optIn, "/confirm/" + EmailLinks.Token(optIn.TextBody, "confirm")));
        await Expect(confirm.Heading).ToHaveTextAsync("Confirm your choice");
        await confirm.PressAsync("Confirm");
        await Expect(confirm.Outcome).ToContainTextAsync("Thank you: Marketing by email is on, until");

        // Saved on the server, not just flipped in this page's DOM.
        await preferences.OpenAsync();
        await Expect(preferences.Switch("Marketing by email")).ToBeCheckedAsync();
        await Expect(preferences.Switch("Marketing by SMS")).Not.ToBeCheckedAsync();
        await Expect(page.GetByText("Waiting for your confirmation: check your inbox")).ToHaveCountAsync(0);

        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = "You confirmed Marketing by email from our email" })).ToHaveCountAsync(1);
        await Expect(history.Entries.Filter(new() { HasText = "You asked for Marketing by email; it waits for your confirmation by email" })).ToHaveCountAsync(1);

        // Signing out really ends the session: the preferences ask for a sign-in again.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true })).ToBeVisibleAsync();
        await page.GotoAsync(app.Url("preferences"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
    }

    [Fact]
    public async Task An_address_too_long_to_be_real_is_refused_by_name_and_what_was_typed_stays()
    {
        var tooLong = new string('a', 250) + "@example.com";
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        var register = await new RegisterPage(page, app).OpenAsync();

        await register.Email.FillAsync(tooLong);
        await register.Password.FillAsync("Fresh!Start42");
        await register.ConfirmPassword.FillAsync("Fresh!Start42");
        await register.SubmitButton.ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The Email field must be at most 256 characters long.");
        await Expect(register.Email).ToHaveValueAsync(tooLong);
        Assert.Equal("/Account/Register", new Uri(page.Url).AbsolutePath); // no account, so no "check your email"
    }
}
