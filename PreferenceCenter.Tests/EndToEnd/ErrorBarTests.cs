using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// The "Something went wrong" bar is for a circuit that died. Until a page's stylesheet arrives (a slow network, a
/// form just posted), it must stay hidden: it used to show, with role="alert", beside the sign-in form's own message.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ErrorBarTests(AppHost app, BrowserFixture browser)
{
    [Theory]
    [InlineData("Account/Login")]
    [InlineData("privacy")]
    [InlineData("")]
    public async Task Without_its_stylesheets_a_page_shows_no_error_bar(string path)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await page.RouteAsync("**/*.css", route => route.AbortAsync());

        await page.GotoAsync(app.Url(path));

        await Expect(page.Locator("#blazor-error-ui")).ToHaveCountAsync(1);
        await Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
    }
}
