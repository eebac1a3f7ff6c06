using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>Consent asked where data is collected: the sign-up form, nothing ticked, recorded with the notice version.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class ConsentAtSignUpJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task Register_with_one_purpose_ticked_then_history_shows_it_captured_at_sign_up_with_the_notice_version()
    {
        var email = $"signup-consent-{Guid.NewGuid():N}@example.com";
        const string password = "Fresh!Start42";
        var notice = await app.Services.GetRequiredService<PrivacyNoticeService>().GetCurrentAsync(CultureInfo.GetCultureInfo("en"));
        var page = await browser.NewPageAsync();
        await using var context = page.Context;

        var register = await new RegisterPage(page, app).OpenAsync();
        Assert.True(await register.ConsentBoxes.CountAsync() >= 2);
        foreach (var box in await register.ConsentBoxes.AllAsync())
        {
            await Expect(box).Not.ToBeCheckedAsync(); // nothing ticked for them
        }

        await Expect(page.GetByText(notice!.Purposes.Single(p => p.Key == "sharing-northwind").Summary)).ToBeVisibleAsync();
        await register.Consent("Sharing with Northwind Travel").CheckAsync();
        await register.RegisterAsync(email, password);

        using var mail = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email);
        await page.GotoAsync(MailPickup.LinkTo(mail, "/Account/ConfirmEmail").AbsoluteUri);
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(email, password);
        var history = await new HistoryPage(page, app).OpenAsync();

        var entry = history.Entries.Filter(new() { HasText = "You turned on Sharing with Northwind Travel by email when you signed up" });
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync($"(notice version {notice.Number})");
        // Only what was ticked: nothing else was turned on.
        await Expect(history.Entries.Filter(new() { HasText = "when you signed up" })).ToHaveCountAsync(1);
    }
}
