using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class NoticeEditorJourneyTests(NoticeEditorAppHost app, BrowserFixture browser) : IClassFixture<NoticeEditorAppHost>
{
    private const string Email = "notice.reader@example.com";
    private const string Dense = "Subject to your prior affirmative authorisation, we communicate identification and communication particulars, " +
        "comprising electronic correspondence addresses and telephone numbers, to Northwind Travel for promotional solicitation.";
    private const string Plain = "Only if you agree, Northwind Travel in Italy gets your name and the contacts you pick, so they can send you trip offers, for 12 months.";

    [Fact]
    public async Task The_officer_edits_a_summary_until_the_meter_passes_publishes_and_the_customer_sees_version_2_and_is_asked_to_review()
    {
        await CustomerSharingWithNorthwindAsync();
        var officer = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var officerContext = officer.Context;
        await BlazorCircuit.GotoAsync(officer, app.Url("admin/notice"));
        var summary = officer.Locator("#sharing-northwind-en-Summary");
        var meter = officer.Locator("#sharing-northwind-en-Summary-meter");
        await Expect(meter).ToContainTextAsync("Passes: plain enough (60 or more)");

        await summary.FillAsync(Dense);
        await Expect(meter).ToContainTextAsync("Fails: hard to read (under 60)");
        await summary.FillAsync(Plain);
        await Expect(meter).ToContainTextAsync("Passes: plain enough (60 or more)");
        await Expect(officer.Locator("#first-layer-en")).ToContainTextAsync("Passes");

        await officer.GetByLabel("Sharing with Northwind Travel changed materially").CheckAsync();
        await officer.Locator("#publish-note").FillAsync("Northwind summary says what they send.");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Publish version 2", Exact = true }).ClickAsync();
        await Expect(officer.GetByRole(AriaRole.Status)).ToContainTextAsync("Version 2 is published. Customers see it now.");
        await Expect(officer.GetByRole(AriaRole.Button, new() { Name = "Publish version 3", Exact = true })).ToBeVisibleAsync();

        var customer = await browser.NewPageAsync();
        await using var customerContext = customer.Context;
        await (await new LoginPage(customer, app).OpenAsync()).SignInAsync(Email, DemoCustomer.Password);
        await customer.GotoAsync(app.Url("privacy"));
        await Expect(customer.Locator(".notice-version")).ToContainTextAsync("Notice version 2");
        await Expect(customer.Locator("article[aria-labelledby='purpose-sharing-northwind'] .purpose-card__summary")).ToHaveTextAsync(Plain);

        await new PreferencesPage(customer, app).OpenAsync();
        var banner = customer.Locator(".review-banner");
        await Expect(banner.GetByRole(AriaRole.Heading, new() { Name = "Our privacy notice changed" })).ToBeVisibleAsync();
        await Expect(banner).ToContainTextAsync("Sharing with Northwind Travel — changed in version 2");
    }

    private async Task CustomerSharingWithNorthwindAsync()
    {
        var customerId = await app.NewAccountAsync(Email);
        var result = await app.Services.GetRequiredService<ConsentService>().SetAsync(
            new ConsentChange(customerId, "sharing-northwind", Channel.Phone, true, 0, Actor.Customer(customerId), ChangeSource.Web));
        Assert.True(result.Succeeded, result.Message);
    }
}
