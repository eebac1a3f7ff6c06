using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class ContactDetailJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Email = "no.phone.yet@example.com";

    [Fact]
    public async Task Turning_on_SMS_without_a_phone_asks_for_one_right_there_and_only_then_turns_it_on()
    {
        var customerId = await app.NewAccountAsync(Email);
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(Email, DemoCustomer.Password);
        var preferences = await new PreferencesPage(page, app).OpenAsync();
        var sms = preferences.Switch("Marketing by SMS");

        await sms.ClickAsync();
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Heading, new() { Name = "To turn on Marketing by SMS we need a phone number to send to" })).ToBeVisibleAsync();
        await Expect(sms).Not.ToBeCheckedAsync();
        var phone = page.GetByLabel("Phone number, in international format");
        await phone.FillAsync("333 123 4567");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save and turn on" }).ClickAsync();
        await Expect(page.GetByText("Type the number in international format")).ToBeVisibleAsync();
        Assert.False(await IsOnAsync(customerId, Channel.Sms));

        await phone.FillAsync("+39 333 123 4567");
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save and turn on" }).ClickAsync();
        await Expect(sms).ToBeCheckedAsync();
        await Expect(preferences.Status).ToContainTextAsync("Marketing by SMS");
        await Expect(page.Locator(".contact-details-held")).ToContainTextAsync("SMS and calls go to +39 ••• ••• •67.");
        Assert.True(await IsOnAsync(customerId, Channel.Sms));
        Assert.Equal("+39 333 123 4567", (await app.Services.GetRequiredService<CustomerProfileService>().GetAsync(customerId))!.Phone);

        // Post needs an address: "Not now" leaves it off and says why; push has nothing to type here and says so.
        await preferences.Switch("Marketing by post").ClickAsync();
        await page.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Not now" }).ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Marketing by post stays off: we have no postal address to send to.");
        await Expect(preferences.Switch("Marketing by post")).Not.ToBeCheckedAsync();
        await preferences.Switch("Marketing by push notification").ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("push notifications go to our app");
        Assert.False(await IsOnAsync(customerId, Channel.Post));
        Assert.False(await IsOnAsync(customerId, Channel.Push));
    }

    private async Task<bool> IsOnAsync(Guid customerId, Channel channel) =>
        (await app.Services.GetRequiredService<ConsentService>().GetCellsAsync(customerId)).GetValueOrDefault(("marketing", channel))?.IsOn == true;
}
