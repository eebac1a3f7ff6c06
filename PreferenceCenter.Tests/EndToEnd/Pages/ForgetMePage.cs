using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/forget-me, interactive, and the static confirmation page its email links to.</summary>
public sealed class ForgetMePage(IPage page, AppHost app)
{
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator RequestStatus => page.Locator(".erasure-status");

    public ILocator Password => page.GetByLabel("Your password", new() { Exact = true });

    public async Task<ForgetMePage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("forget-me"));
        return this;
    }

    /// <summary>Asks with this password and returns what the live region then says (it must say something new).</summary>
    public async Task<string> AskAsync(string password)
    {
        var before = await Status.InnerTextAsync();
        await Password.FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ask us to forget me", Exact = true }).ClickAsync();
        await Expect(Status).Not.ToHaveTextAsync(before);
        return (await Status.InnerTextAsync()).Trim();
    }

    /// <summary>Opens the emailed link and presses "Confirm my request"; returns the page's answer.</summary>
    public async Task<string> ConfirmAsync(Uri link)
    {
        await page.GotoAsync(link.AbsoluteUri);
        await page.GetByRole(AriaRole.Button, new() { Name = "Confirm my request", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToBeVisibleAsync();
        return (await page.GetByRole(AriaRole.Status).InnerTextAsync()).Trim();
    }
}
