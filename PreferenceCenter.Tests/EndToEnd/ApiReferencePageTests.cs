using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>The developers' reference page runs under the app's Content-Security-Policy: it renders, and nothing is refused.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class ApiReferencePageTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task The_API_reference_renders_the_document_under_the_apps_CSP()
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(app.Url("scalar/v1"));

        Assert.Contains("'nonce-", response!.Headers["content-security-policy"], StringComparison.Ordinal);
        await Expect(page.GetByText("Ask before every send").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("/api/v1/decisions/reservations").First).ToBeAttachedAsync();
        Assert.Empty(refused);
    }
}
