using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// The questionnaire is a static form on /preferences, outside the page's circuit (ADR 0018): a save patches the page
/// in place and leaves the live switches as they were, and it works without JavaScript at all.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class QuestionnaireFormJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Interests = "What are you interested in?";
    private const string Store = "Which store do you usually visit?";
    private const string Partner = "Sharing with Northwind Travel by email";

    [Fact]
    public async Task Saving_an_answer_patches_the_page_in_place_and_the_switches_circuit_carries_on()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var circuits = 0;
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor/negotiate", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref circuits);
            }
        };
        var preferences = await new PreferencesPage(page, app).OpenAsync();

        // A switch flipped in the live panel says so in the panel's region.
        var partner = preferences.Switch(Partner);
        var turnOn = !await partner.IsCheckedAsync();
        await partner.ClickAsync();
        var flipped = $"{Partner} is {(turnOn ? "on" : "off")}";
        await Expect(preferences.Status).ToContainTextAsync(flipped);

        // A box ticked and not saved, then another question saved.
        var travel = preferences.Question(Interests).GetByRole(AriaRole.Checkbox, new() { Name = "Travel", Exact = true });
        await travel.SetCheckedAsync(!await travel.IsCheckedAsync());
        var travelTicked = await travel.IsCheckedAsync();
        var store = await OtherStoreAsync(preferences);
        var saved = await preferences.AnswerSingleChoiceAsync(Store, store);

        Assert.True(saved.StartsWith($"Your answer to “{Store}” is saved", StringComparison.Ordinal), saved);
        await Expect(preferences.Question(Store).GetByRole(AriaRole.Radio, new() { Name = store, Exact = true })).ToBeCheckedAsync();
        // The unsaved box is as it was left, the panel still says what its switch did, and no second circuit opened.
        Assert.Equal(travelTicked, await travel.IsCheckedAsync());
        await Expect(preferences.Status).ToContainTextAsync(flipped);
        Assert.Equal(1, Volatile.Read(ref circuits));

        // The same circuit still takes the switches.
        await partner.ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync($"{Partner} is {(turnOn ? "off" : "on")}");
        Assert.Equal(1, Volatile.Read(ref circuits));
    }

    [Fact]
    public async Task Without_JavaScript_the_questionnaire_still_saves()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app, javaScriptEnabled: false);
        await using var context = page.Context;
        await page.GotoAsync(app.Url("preferences"));
        var preferences = new PreferencesPage(page, app);
        var store = await OtherStoreAsync(preferences);

        await preferences.Question(Store).GetByRole(AriaRole.Radio, new() { Name = store, Exact = true }).CheckAsync();
        await preferences.Question(Store).GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

        await Expect(preferences.QuestionnaireStatus).ToContainTextAsync($"Your answer to “{Store}” is saved");
        await Expect(preferences.Question(Store).GetByRole(AriaRole.Radio, new() { Name = store, Exact = true })).ToBeCheckedAsync();
    }

    // A store the question does not have as its answer now, so the save changes something whatever ran before.
    private static async Task<string> OtherStoreAsync(PreferencesPage preferences)
    {
        foreach (var radio in await preferences.Question(Store).GetByRole(AriaRole.Radio).AllAsync())
        {
            if (!await radio.IsCheckedAsync())
            {
                return (await radio.Locator("xpath=ancestor::label").InnerTextAsync()).Trim();
            }
        }

        throw new InvalidOperationException("Every store is checked.");
    }
}
