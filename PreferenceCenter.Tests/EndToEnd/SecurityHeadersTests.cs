using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class SecurityHeadersTests(AppHost app, BrowserFixture browser)
{
    [Theory]
    [InlineData("privacy")]
    [InlineData("Account/Login")]
    [InlineData("")]
    public async Task Every_page_forbids_framing_sniffing_and_foreign_scripts(string path)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync(path);

        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Personal_data_is_never_stored_by_a_browser_or_proxy_while_static_assets_stay_cacheable()
    {
        using var customer = new SignInClient(app.BaseAddress);
        await customer.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        using var download = await customer.GetAsync("my-data/download");
        using var page = await customer.GetAsync("history");
        using var asset = await customer.GetAsync("_framework/blazor.web.js");

        Assert.True(customer.IsSignedIn);
        Assert.Equal(System.Net.HttpStatusCode.OK, download.StatusCode);
        Assert.True(download.Headers.CacheControl?.NoStore, "the data export must send Cache-Control: no-store");
        Assert.True(page.Headers.CacheControl?.NoStore, "a signed-in page must send Cache-Control: no-store");
        Assert.Equal(System.Net.HttpStatusCode.OK, asset.StatusCode);
        Assert.NotEqual(true, asset.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task The_policy_breaks_nothing_a_customer_does()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add(message.Text);
            }
        };

        var preferences = await new PreferencesPage(page, app).OpenAsync();
        await preferences.Switch("Marketing by post").ClickAsync();
        // The demo customer has no postal address yet: the page asks for one before post can be on.
        await page.GetByRole(AriaRole.Textbox, new() { Name = "Postal address", Exact = true }).FillAsync("Via Roma 1\n20121 Milano");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and turn on" }).ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Marketing by post is on");
        await page.GotoAsync(app.Url("privacy"));
        await page.GetByText("Details: Marketing").ClickAsync();

        Assert.Empty(violations);
    }
}
