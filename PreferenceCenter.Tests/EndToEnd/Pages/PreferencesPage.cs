using Microsoft.Playwright;
using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/preferences, interactive: every method that loads it returns only once the circuit has rendered.</summary>
public sealed class PreferencesPage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The polite live region that reports what each switch did.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    public ILocator Switch(string accessibleName) =>
        page.GetByRole(AriaRole.Switch, new() { Name = accessibleName, Exact = true });

    public ILocator LanguageButton(string nativeName) =>
        page.GetByRole(AriaRole.Button, new() { Name = nativeName, Exact = true });

    public async Task<PreferencesPage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("preferences"));
        return this;
    }

    public Task ReloadAsync() => BlazorCircuit.ReloadAsync(page);

    /// <summary>Posts the header's language form; the app answers with the same page in that language.</summary>
    public Task ChooseLanguageAsync(string nativeName) =>
        BlazorCircuit.RunAndWaitAsync(page, () => LanguageButton(nativeName).ClickAsync());
}
