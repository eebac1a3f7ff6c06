using Microsoft.Playwright;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>/preferences, interactive: every method that loads it returns only once the circuit has rendered.</summary>
public sealed class PreferencesPage(IPage page, AppHost app)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });

    /// <summary>The polite live region that reports what each switch did (the live panel's, first on the page).</summary>
    public ILocator Status => page.GetByRole(AriaRole.Status).First;

    /// <summary>The questionnaire's own live region: the questionnaire is a static form, outside the live panel.</summary>
    public ILocator QuestionnaireStatus => page.Locator("section.questionnaire").GetByRole(AriaRole.Status);

    public ILocator Switch(string accessibleName) =>
        page.GetByRole(AriaRole.Switch, new() { Name = accessibleName, Exact = true });

    public ILocator LanguageButton(string nativeName) =>
        page.GetByRole(AriaRole.Button, new() { Name = nativeName, Exact = true });

    /// <summary>A question on the form: a group named by its prompt.</summary>
    public ILocator Question(string prompt) =>
        page.GetByRole(AriaRole.Group, new() { Name = prompt, Exact = true });

    /// <summary>The lines at the top of the page that say which channels are paused, and until when.</summary>
    public ILocator PauseBanner => page.Locator(".pause-banner");

    public async Task<PreferencesPage> OpenAsync()
    {
        await BlazorCircuit.GotoAsync(page, app.Url("preferences"));
        return this;
    }

    public Task ReloadAsync() => BlazorCircuit.ReloadAsync(page);

    /// <summary>Picks <paramref name="option"/> and saves; returns what the live region then reports.</summary>
    public Task<string> AnswerSingleChoiceAsync(string prompt, string option) => ReportedAfterAsync(QuestionnaireStatusSelector, async () =>
    {
        await Question(prompt).GetByRole(AriaRole.Radio, new() { Name = option, Exact = true }).CheckAsync();
        await SaveAsync(prompt);
    });

    /// <summary>Ticks exactly <paramref name="options"/> (unticking the rest) and saves; returns the questionnaire's report.</summary>
    /// <remarks>
    /// The questionnaire is a static form (ADR 0018): its boxes are on the page as sent, never disabled, never redrawn
    /// by the circuit, so listing them does not race the circuit's first render as it did when the section was live.
    /// </remarks>
    public Task<string> AnswerMultipleChoiceAsync(string prompt, params string[] options) => ReportedAfterAsync(QuestionnaireStatusSelector, async () =>
    {
        foreach (var box in await Question(prompt).GetByRole(AriaRole.Checkbox).AllAsync())
        {
            var label = (await box.Locator("xpath=ancestor::label").InnerTextAsync()).Trim();
            await box.SetCheckedAsync(options.Contains(label));
        }

        await SaveAsync(prompt);
    });

    /// <summary>Pauses <paramref name="channels"/> ("All channels", "Email", …) for one month; returns the live region's report.</summary>
    public Task<string> PauseForAMonthAsync(string channels = "All channels") => ReportedAfterAsync(async () =>
    {
        await page.GetByLabel("Which channels", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = channels });
        await page.GetByRole(AriaRole.Radio, new() { Name = "One month", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Pause", Exact = true }).ClickAsync();
    });

    /// <summary>Sends "You contact me too often" feedback; returns the live region's report.</summary>
    public Task<string> SendTooOftenFeedbackAsync() => ReportedAfterAsync(async () =>
    {
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "You contact me too often", Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send feedback", Exact = true }).ClickAsync();
    });

    /// <summary>Posts the header's language form; the app answers with the same page in that language.</summary>
    public Task ChooseLanguageAsync(string nativeName) =>
        BlazorCircuit.RunAndWaitAsync(page, () => LanguageButton(nativeName).ClickAsync());

    private Task SaveAsync(string prompt) =>
        Question(prompt).GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();

    /// <summary>
    /// Runs <paramref name="change"/> and waits until the live region says something new. Two identical reports in a
    /// row cannot be told apart, so a journey should not repeat the very same change.
    /// </summary>
    private Task<string> ReportedAfterAsync(Func<Task> change) => ReportedAfterAsync("[role=status]", change);

    private async Task<string> ReportedAfterAsync(string statusSelector, Func<Task> change)
    {
        var status = page.Locator(statusSelector).First;
        var before = await status.InnerTextAsync();
        await change();
        await page.WaitForFunctionAsync(
            "([selector, before]) => { const region = document.querySelector(selector); const text = region ? region.innerText : ''; return text.trim() !== '' && text !== before; }",
            new[] { statusSelector, before });
        return (await status.InnerTextAsync()).Trim();
    }

    private const string QuestionnaireStatusSelector = "section.questionnaire [role=status]";
}
