using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.ScaleOut;

/// <summary>
/// The scale-out recipe for real (<c>deploy/scale-out.sh</c>: PostgreSQL, two instances, HAProxy): a customer signed
/// in through the balancer loses the instance serving their page, is carried to the other, and carries on with every
/// saved change in place: the sign-in cookie reads on both because the Data Protection keys are in the database.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class TwoInstancesJourneyTests(BrowserFixture browser)
{
    private const string First = "Sharing with Northwind Travel by email";
    private const string Second = "Sharing with Contoso Insurance by email";

    [PostgreSqlFact]
    public async Task A_customer_whose_instance_stops_reconnects_to_the_other_and_carries_on_with_nothing_lost()
    {
        await using var deployment = await ScaleOutDeployment.StartAsync();
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync(new Uri(deployment.Url, "Account/Login").AbsoluteUri);
        await page.GetByLabel(AccountText.Get("Field.Email", "en"), new() { Exact = true }).FillAsync(DemoCustomer.Email);
        await page.GetByLabel(AccountText.Get("Field.Password", "en"), new() { Exact = true }).FillAsync(DemoCustomer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = AccountText.Get("Login.Submit", "en"), Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        await page.GotoAsync(new Uri(deployment.Url, "preferences").AbsoluteUri);
        var first = page.GetByRole(AriaRole.Switch, new() { Name = First, Exact = true });
        var second = page.GetByRole(AriaRole.Switch, new() { Name = Second, Exact = true });
        await Expect(first).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var firstWas = await first.IsCheckedAsync();
        var secondWas = await second.IsCheckedAsync();
        await first.ClickAsync();
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas });

        // The balancer's cookie says which instance holds this page's circuit; that one goes away mid-session.
        var serving = (await context.CookiesAsync()).Single(c => c.Name == "pc-instance").Value;
        deployment.Kill(serving);

        // The page's reconnect reaches the other instance, which knows no such circuit: the page reloads there,
        // still signed in, showing what was saved.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await context.CookiesAsync()).Single(c => c.Name == "pc-instance").Value == serving)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "The balancer never carried the page to the other instance.");
            await Task.Delay(250);
        }

        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(second).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas });
        await second.ClickAsync();
        await Expect(second).ToBeCheckedAsync(new() { Checked = !secondWas });

        await page.ReloadAsync();
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas, Timeout = 30_000 });
        await Expect(second).ToBeCheckedAsync(new() { Checked = !secondWas });
    }
}
