using System.Runtime.CompilerServices;
using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>
/// One demo account signed in once per app host; later pages reuse that sign-in cookie (eShop's login.setup) and
/// nothing else, so language and time-zone cookies never carry from one test into another.
/// </summary>
public sealed class DemoSignIn(string email, string password)
{
    private readonly ConditionalWeakTable<AppHost, Task<Cookie[]>> signIns = [];

    public async Task<IPage> NewPageAsync(BrowserFixture browser, AppHost app, string timeZone = "UTC", bool javaScriptEnabled = true)
    {
        ArgumentNullException.ThrowIfNull(browser);
        var cookies = await signIns.GetValue(app, _ => SignInAsync(browser, app));
        var page = await browser.NewPageAsync(timeZone: timeZone, javaScriptEnabled: javaScriptEnabled);
        await page.Context.AddCookiesAsync(cookies);
        return page;
    }

    private async Task<Cookie[]> SignInAsync(BrowserFixture browser, AppHost app)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(email, password);
        return [.. (await context.CookiesAsync())
            .Where(c => c.Name.StartsWith(".AspNetCore.Identity", StringComparison.Ordinal))
            .Select(c => new Cookie
            {
                Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path, Expires = c.Expires,
                HttpOnly = c.HttpOnly, Secure = c.Secure, SameSite = c.SameSite,
            })];
    }
}
