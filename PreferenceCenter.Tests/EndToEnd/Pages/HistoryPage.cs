using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/history, interactive: the customer's own changes, newest first.</summary>
public sealed class HistoryPage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The entries of the change list (not the navigation's items).</summary>
    public ILocator Entries => page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Listitem);

    public async Task<HistoryPage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("history"));
        return this;
    }
}
