using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class LanguageJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task An_Italian_browser_gets_Italian_preferences_and_a_chosen_Spanish_outlasts_a_reload()
    {
        var page = await browser.NewPageAsync(locale: "it-IT");
        await using var context = page.Context;
        await (await new LoginPage(page, app, "it").OpenAsync()).SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        // Accept-Language: it-IT, no cookie yet.
        var preferences = await new PreferencesPage(page, app).OpenAsync();
        await Expect(preferences.Heading).ToHaveTextAsync("Le mie preferenze");
        await Expect(preferences.Switch("Marketing via email")).ToBeVisibleAsync();
        await Expect(preferences.LanguageButton("Italiano")).ToHaveAttributeAsync("aria-current", "true");

        await preferences.ChooseLanguageAsync("Español");
        await Expect(preferences.Heading).ToHaveTextAsync("Mis preferencias");
        await Expect(preferences.Switch("Marketing por email")).ToBeVisibleAsync();

        // The browser still asks for Italian: only the remembered choice can keep this Spanish.
        await preferences.ReloadAsync();
        await Expect(preferences.Heading).ToHaveTextAsync("Mis preferencias");
        await Expect(preferences.LanguageButton("Español")).ToHaveAttributeAsync("aria-current", "true");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");

        // The choice is the customer's too (their emails will use it), so it is a recorded change.
        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = "Elegiste español como idioma" }).First).ToBeVisibleAsync();
    }
}
