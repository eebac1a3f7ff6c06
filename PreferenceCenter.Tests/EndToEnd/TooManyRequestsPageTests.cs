using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>The page a person meets past a limit, in a browser: in their language, in the app's layout, and accessible.</summary>
public sealed class TooManyRequestsPageTests(RateLimitedAppHost app, BrowserFixture browser)
    : IClassFixture<RateLimitedAppHost>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Past_the_limit_a_Spanish_reader_gets_a_page_in_Spanish_saying_how_long_to_wait_with_no_serious_accessibility_violations()
    {
        var page = await browser.NewPageAsync(locale: "es-ES");
        await using var context = page.Context;
        for (var i = 0; i < 4; i++)
        {
            await page.GotoAsync(app.Url($"u/forged-{i}"));
        }

        var response = await page.GotoAsync(app.Url("u/forged-5"));

        Assert.Equal(429, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Demasiados intentos", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Vuelve a intentarlo dentro de 60 segundos.");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Iniciar sesión" })).ToBeVisibleAsync();
        var result = await page.RunAxe(AxeReport.WcagOptions());
        Assert.NotEmpty(result.Passes);
        var blocking = AxeReport.Blocking(result);
        Assert.True(blocking.Count == 0, AxeReport.Describe("429", blocking));
    }
}
