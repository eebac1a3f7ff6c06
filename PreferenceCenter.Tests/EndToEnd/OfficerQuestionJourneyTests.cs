using Microsoft.Playwright;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Features.Preferences;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class OfficerQuestionJourneyTests(AppHost app, BrowserFixture browser)
{
    /// <summary>"Which store do you visit? (1a2b3c4d)" with Milan and Madrid: unique, because the app host is shared.</summary>
    private static QuestionForm UniqueStoreQuestion()
    {
        var sample = QuestionSamples.SingleChoice();
        sample.Wording["en"].Prompt = $"Which store do you visit? ({Guid.NewGuid().ToString("N")[..8]})";
        sample.Options.RemoveAt(2);
        return sample;
    }

    [Fact]
    public async Task The_officer_creates_a_question_in_three_languages_and_the_demo_customer_is_asked_it()
    {
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var questions = await new AdminQuestionsPage(page, app).OpenAsync();
        var sample = UniqueStoreQuestion();

        await questions.CreateSingleChoiceQuestionAsync(sample, purposeTitle: "Personalised offers");

        var cells = questions.Row(sample.Wording["en"].Prompt!).GetByRole(AriaRole.Cell);
        await Expect(cells.Nth(0)).ToHaveTextAsync("Single choice");
        await Expect(cells.Nth(1)).ToHaveTextAsync("Personalised offers");
        await Expect(cells.Nth(2)).ToHaveTextAsync("Asked");
        await Expect(cells.Nth(3)).ToHaveTextAsync("0");

        var customerPage = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var customerContext = customerPage.Context;
        var preferences = await new PreferencesPage(customerPage, app).OpenAsync();
        var asked = preferences.Question(sample.Wording["en"].Prompt!);
        await Expect(asked).ToContainTextAsync("Why we ask: So offers name a store near you.");
        await Expect(asked.GetByRole(AriaRole.Radio)).ToHaveCountAsync(2);
        Assert.StartsWith($"Your answer to “{sample.Wording["en"].Prompt}” is saved",
            await preferences.AnswerSingleChoiceAsync(sample.Wording["en"].Prompt!, "Madrid"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_without_a_purpose_is_refused_by_the_purpose_and_keeps_what_was_typed()
    {
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var questions = await new AdminQuestionsPage(page, app).OpenAsync();
        var sample = UniqueStoreQuestion();
        await questions.OpenNewQuestionFormAsync();
        await questions.TypeWordingAsync(sample);

        await questions.SaveAsync();

        await Expect(questions.ProblemSummary).ToContainTextAsync("Purpose it serves (required): This is required.");
        await Expect(page.Locator("#question-Purpose-problem")).ToHaveTextAsync("This is required.");
        await Expect(questions.Field("Question (Español)")).ToHaveValueAsync("¿Qué tienda visitas normalmente?");
        await Expect(questions.Field("Option 2 (Italiano)")).ToHaveValueAsync("Madrid");

        await questions.ChooseAsync("Personalised offers");
        await questions.SaveAsync();

        await Expect(questions.Status).ToContainTextAsync($"“{sample.Wording["en"].Prompt}” is saved.");
    }
}
