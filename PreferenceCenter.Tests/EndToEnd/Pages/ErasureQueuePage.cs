using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>The officer's /admin/erasure, interactive.</summary>
public sealed class ErasureQueuePage(IPage page, AppHost app)
{
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator Row(int requestId) => page.Locator($"tr[data-request='{requestId}']");

    public async Task<ErasureQueuePage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("admin/erasure"));
        return this;
    }

    /// <summary>Presses a row's button ("Approve Request #7", "Run Request #7 now") and returns the live region's report.</summary>
    public async Task<string> PressAsync(string name)
    {
        var before = await Status.InnerTextAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true }).ClickAsync();
        await Expect(Status).Not.ToHaveTextAsync(before);
        return (await Status.InnerTextAsync()).Trim();
    }
}
