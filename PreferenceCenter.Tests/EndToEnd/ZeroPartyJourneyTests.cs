using Microsoft.Playwright;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class ZeroPartyJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Interests = "What are you interested in?";
    private const string Store = "Which store do you usually visit?";

    [Fact]
    public async Task The_demo_customer_answers_two_questions_pauses_email_for_a_month_and_says_we_write_too_often()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var preferences = await new PreferencesPage(page, app).OpenAsync();

        // Each question says why it is asked, beside it.
        await Expect(preferences.Question(Interests)).ToContainTextAsync("Why we ask: So the offers we tailor to you are about things you like");
        // The whole report in the message when it is another: xunit's own cuts it off before the words that differ.
        var interests = await preferences.AnswerMultipleChoiceAsync(Interests, "Travel", "Home and cooking");
        Assert.True(interests.StartsWith("Your answer to “What are you interested in?” is saved", StringComparison.Ordinal), interests);
        var store = await preferences.AnswerSingleChoiceAsync(Store, "Madrid, Gran Vía");
        Assert.True(store.StartsWith("Your answer to “Which store do you usually visit?” is saved", StringComparison.Ordinal), store);

        Assert.StartsWith("Pause set:", await preferences.PauseForAMonthAsync("Email"), StringComparison.Ordinal);
        await Expect(preferences.PauseBanner).ToContainTextAsync("Email is paused until");

        Assert.Contains("Thank you", await preferences.SendTooOftenFeedbackAsync(), StringComparison.Ordinal);

        // A reload reads everything back from the store.
        await preferences.ReloadAsync();
        await Expect(preferences.Question(Store).GetByRole(AriaRole.Radio, new() { Name = "Madrid, Gran Vía" })).ToBeCheckedAsync();
        await Expect(preferences.PauseBanner).ToContainTextAsync("Email is paused until");

        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = $"You answered “{Interests}”" }).First).ToBeVisibleAsync();
        await Expect(history.Entries.Filter(new() { HasText = $"You answered “{Store}”" }).First).ToBeVisibleAsync();
        await Expect(history.Entries.Filter(new() { HasText = "You paused contact by email until" }).First).ToBeVisibleAsync();
        await Expect(history.Entries.Filter(new() { HasText = "You told us: we contact you too often" }).First).ToBeVisibleAsync();
    }
}
