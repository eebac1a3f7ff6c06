using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/u/{token}, static: what an email's unsubscribe link opens. Each action returns what the status region then says.</summary>
public sealed class UnsubscribeLinkPage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Status => page.GetByRole(AriaRole.Status);

    public async Task<UnsubscribeLinkPage> OpenAsync(string token)
    {
        await page.GotoAsync(app.Url($"u/{token}"));
        return this;
    }

    public Task<string> ChooseAsync(string buttonName) => SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = buttonName, Exact = true }));

    public async Task<string> GiveReasonAsync(string reason)
    {
        await page.GetByRole(AriaRole.Radio, new() { Name = reason }).CheckAsync();
        return await SubmitAsync(page.GetByRole(AriaRole.Button, new() { Name = "Send reason" }));
    }

    // A form post and a redirect back to the page with what was done (?done=…); read the status once it is there.
    private async Task<string> SubmitAsync(ILocator button)
    {
        var before = page.Url;
        await button.ClickAsync();
        await page.WaitForURLAsync(url => url != before && url.Contains("done=", StringComparison.Ordinal));
        return (await Status.InnerTextAsync()).Trim();
    }
}
