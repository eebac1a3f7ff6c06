using Microsoft.Playwright;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>
/// The officer's /admin/questions and its question form, interactive: every method that loads a page returns only once
/// the circuit has rendered it. Fields are found by their visible labels, as the officer finds them.
/// </summary>
public sealed class AdminQuestionsPage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The polite live region that reports what each action did.</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status);

    /// <summary>The form's list of problems after a refused save.</summary>
    public ILocator ProblemSummary => page.Locator(".problem-summary");

    /// <summary>A row of the list, by the question's prompt.</summary>
    public ILocator Row(string prompt) => page.GetByRole(AriaRole.Row).Filter(new()
    {
        Has = page.GetByRole(AriaRole.Rowheader, new() { Name = prompt, Exact = true }),
    });

    public ILocator Field(string label) => page.GetByLabel(label, new() { Exact = true });

    public ILocator Button(string name) => page.GetByRole(AriaRole.Button, new() { Name = name, Exact = true });

    public async Task<AdminQuestionsPage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("admin/questions"));
        return this;
    }

    /// <summary>From the list, follows "New question" to the empty form, with its empty option slots.</summary>
    public async Task OpenNewQuestionFormAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New question", Exact = true }).ClickAsync();
        await Expect(Heading).ToHaveTextAsync("New question");
        // The heading comes before the form: counting the slots any earlier found none, and the slots the test then
        // added came on top of the form's own (3 where 1 was expected, on a busy machine).
        await Expect(page.Locator(".question-options > li")).ToHaveCountAsync(QuestionRules.MinOptions);
    }

    /// <summary>Picks one radio of a group (type of answer, purpose) by its visible label.</summary>
    public Task ChooseAsync(string label) => page.GetByRole(AriaRole.Radio, new() { Name = label, Exact = true }).CheckAsync();

    /// <summary>Types a sample's prompt, "why we ask" and option labels in every language, adding option slots as needed.</summary>
    public async Task TypeWordingAsync(QuestionForm sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        // Each click is a round trip to the server: wait for the new slot before counting again.
        var slots = page.Locator(".question-options > li");
        for (var count = await slots.CountAsync(); count < sample.Options.Count; count++)
        {
            await Button("Add option").ClickAsync();
            await Expect(slots).ToHaveCountAsync(count + 1);
        }

        foreach (var culture in SupportedCultures.Names)
        {
            var language = SupportedCultures.NativeName(culture);
            await Field($"Question ({language})").FillAsync(sample.Wording[culture].Prompt!);
            await Field($"Why we ask ({language})").FillAsync(sample.Wording[culture].WhyWeAsk!);
            for (var i = 0; i < sample.Options.Count; i++)
            {
                await Field($"Option {i + 1} ({language})").FillAsync(sample.Options[i].Labels[culture]!);
            }
        }
    }

    /// <summary>Saves; on success the app returns to the list, which confirms the question by its prompt.</summary>
    public Task SaveAsync() => Button("Save question").ClickAsync();

    /// <summary>Creates a single-choice question through the form, from the list to the list.</summary>
    public async Task CreateSingleChoiceQuestionAsync(QuestionForm sample, string purposeTitle)
    {
        ArgumentNullException.ThrowIfNull(sample);
        await OpenNewQuestionFormAsync();
        await ChooseAsync("Single choice");
        await ChooseAsync(purposeTitle);
        await TypeWordingAsync(sample);
        await SaveAsync();
        await Expect(Status).ToContainTextAsync($"“{sample.Wording["en"].Prompt}” is saved.");
    }
}
