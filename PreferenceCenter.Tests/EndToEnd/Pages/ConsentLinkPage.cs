using Microsoft.Playwright;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/confirm/… and /renew/…: static pages opened from an email; the one button posts the form.</summary>
public sealed class ConsentLinkPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    public ILocator Outcome => page.Locator(".link-outcome");

    public async Task<ConsentLinkPage> OpenAsync(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        await page.GotoAsync(link.AbsoluteUri);
        return this;
    }

    /// <summary>Presses the page's one button (Confirm or Renew) and waits for the answer page.</summary>
    public async Task PressAsync(string button)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        await Outcome.WaitForAsync();
    }
}
