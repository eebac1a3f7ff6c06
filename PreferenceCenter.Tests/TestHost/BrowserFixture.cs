using Microsoft.Playwright;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// One headless Chromium (Debian's, never a downloaded one) shared by a collection; every test gets its own
/// context, so cookies, storage and language never leak from one test into the next.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        // Blazor's first interactive render on a 2-core machine can take a few seconds; these are deadlines, not waits.
        Assertions.SetDefaultExpectTimeout(15_000);
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PREFERENCECENTER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh context and page; <paramref name="locale"/> also sets the Accept-Language header.</summary>
    public async Task<IPage> NewPageAsync(string locale = "en-US", string timeZone = "UTC", bool javaScriptEnabled = true)
    {
        var context = await (browser ?? throw new InvalidOperationException("The browser has not started."))
            .NewContextAsync(new BrowserNewContextOptions { Locale = locale, TimezoneId = timeZone, JavaScriptEnabled = javaScriptEnabled });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
    }
}
