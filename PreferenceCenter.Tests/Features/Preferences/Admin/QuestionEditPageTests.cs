using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class QuestionEditPageTests : PageTestBase
{
    private static AngleSharp.Dom.IElement Input(IRenderedComponent<QuestionEditPage> cut, string field) =>
        cut.Find($"#{QuestionFieldIds.Input(field)}");

    private static void Type(IRenderedComponent<QuestionEditPage> cut, string field, string text) => Input(cut, field).Change(text);

    private static void Choose(IRenderedComponent<QuestionEditPage> cut, string label) =>
        cut.FindAll("label.mud-radio").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!.Click();

    private static void Click(IRenderedComponent<QuestionEditPage> cut, string name) =>
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == name || b.TextContent.Trim() == name).Click();

    private static string? Problem(IRenderedComponent<QuestionEditPage> cut, string field) =>
        cut.FindAll($"#{QuestionFieldIds.Problem(field)}").SingleOrDefault()?.TextContent.Trim();

    /// <summary>Types a sample's wording and option labels into the form, as the officer would.</summary>
    private static void TypeWording(IRenderedComponent<QuestionEditPage> cut, QuestionForm sample)
    {
        foreach (var culture in SupportedCultures.Names)
        {
            Type(cut, QuestionFields.Prompt(culture), sample.Wording[culture].Prompt!);
            Type(cut, QuestionFields.WhyWeAsk(culture), sample.Wording[culture].WhyWeAsk!);
            for (var i = 0; i < sample.Options.Count; i++)
            {
                Type(cut, QuestionFields.Option(i, culture), sample.Options[i].Labels[culture]!);
            }
        }
    }

    private IRenderedComponent<QuestionEditPage> RenderNew()
    {
        var cut = Render<QuestionEditPage>();
        cut.WaitForElement($"#{QuestionFieldIds.Input(QuestionFields.Prompt("en"))}");
        WaitUntilLoaded(cut);
        return cut;
    }

    [Fact]
    public async Task Save_WithoutPurposeOrWhyWeAsk_SavesNothingAndSaysWhatIsMissingNextToEachField()
    {
        await SignInOfficerAsync();
        var cut = RenderNew();
        var sample = QuestionSamples.SingleChoice();
        sample.Options.RemoveAt(2);
        TypeWording(cut, sample);
        Type(cut, QuestionFields.WhyWeAsk("it"), "   ");

        Click(cut, "Save question");

        cut.WaitForAssertion(() => Assert.Equal("This is required.", Problem(cut, QuestionFields.Purpose)));
        Assert.Equal("This is required.", Problem(cut, QuestionFields.WhyWeAsk("it")));
        Assert.Contains(QuestionFieldIds.Problem(QuestionFields.WhyWeAsk("it")),
            Input(cut, QuestionFields.WhyWeAsk("it")).GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal("true", Input(cut, QuestionFields.WhyWeAsk("it")).GetAttribute("aria-invalid"));
        Assert.Contains(QuestionFieldIds.Problem(QuestionFields.Purpose),
            cut.FindAll("fieldset.question-choice")[1].GetAttribute("aria-describedby") ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(
            ["Purpose it serves (required): This is required.", "Why we ask (Italiano): This is required."],
            cut.FindAll(".problem-summary li").Select(li => li.TextContent.Trim()));
        Assert.Null(Problem(cut, QuestionFields.Prompt("en")));
        Assert.Equal("Which store do you usually visit?", Input(cut, QuestionFields.Prompt("en")).GetAttribute("value"));
        Assert.Empty(await QuestionAdmin.ListAsync(CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task Save_ACompleteNewQuestion_CreatesItAndGoesBackToTheListToConfirm()
    {
        await SignInOfficerAsync();
        var cut = RenderNew();
        var sample = QuestionSamples.MultipleChoice();
        Choose(cut, "Multiple choice");
        Choose(cut, "Profiling");
        Click(cut, "Add option");
        TypeWording(cut, sample);

        Click(cut, "Save question");

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith("/admin/questions?saved=1", navigation.Uri, StringComparison.Ordinal));
        var saved = (await QuestionAdmin.GetFormAsync(1))!;
        Assert.Equal((QuestionType.MultipleChoice, "profiling"), (saved.Type, saved.PurposeKey));
        Assert.Equal("¿Qué te interesa?", saved.Wording["es"].Prompt);
        Assert.Equal("Così ti mostriamo ciò che ti piace.", saved.Wording["it"].WhyWeAsk);
        Assert.Equal(["Running", "Cooking", "Travel"], saved.Options.Select(o => o.Labels["en"]));
        Assert.Equal(["Corsa", "Cucina", "Viaggi"], saved.Options.Select(o => o.Labels["it"]));
    }

    [Fact]
    public async Task Save_AnAnsweredQuestionWithAnotherPurpose_IsRefusedNextToThePurpose()
    {
        await SignInOfficerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        await Answers.AnswerAsync(CustomerId, id, AnswerInput.Choose("milan"), 0, Actor.Customer(CustomerId), ChangeSource.Web);
        var cut = Render<QuestionEditPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("label.mud-radio");
        WaitUntilLoaded(cut);
        Assert.Equal("Edit question", cut.Find("h1").TextContent);

        Choose(cut, "Marketing");
        Type(cut, QuestionFields.Prompt("en"), "Which of our stores do you visit?");
        Click(cut, "Save question");

        cut.WaitForAssertion(() => Assert.Equal(
            "Customers have answered this question, so its purpose cannot change. Retire it and create a new one instead.",
            Problem(cut, QuestionFields.Purpose)));
        var stored = (await QuestionAdmin.GetFormAsync(id))!;
        Assert.Equal(("profiling", "Which store do you usually visit?"), (stored.PurposeKey, stored.Wording["en"].Prompt));
        Assert.Equal("Which of our stores do you visit?", Input(cut, QuestionFields.Prompt("en")).GetAttribute("value"));
    }

    [Fact]
    public async Task Save_AnEditedWording_KeepsPurposeAndOptionsAndConfirms()
    {
        await SignInOfficerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = Render<QuestionEditPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("label.mud-radio");
        WaitUntilLoaded(cut);

        Type(cut, QuestionFields.Option(2, "en"), "Our website");
        Click(cut, "Save question");

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.EndsWith($"/admin/questions?saved={id}", navigation.Uri, StringComparison.Ordinal));
        var stored = (await QuestionAdmin.GetFormAsync(id))!;
        Assert.Equal(["milan", "madrid", "online"], stored.Options.Select(o => o.Key));
        Assert.Equal("Our website", stored.Options[2].Labels["en"]);
    }

    [Fact]
    public async Task Options_CanBeAddedMovedAndRemovedBeforeSaving()
    {
        await SignInOfficerAsync();
        var cut = RenderNew();
        Type(cut, QuestionFields.Option(0, "en"), "First");
        Type(cut, QuestionFields.Option(1, "en"), "Second");

        Click(cut, "Add option");
        Click(cut, "Move option 1 down");

        cut.WaitForAssertion(() => Assert.Equal("Second", Input(cut, QuestionFields.Option(0, "en")).GetAttribute("value")));
        Assert.Equal("First", Input(cut, QuestionFields.Option(1, "en")).GetAttribute("value"));
        Assert.Equal(3, cut.FindAll(".question-options > li").Count);

        Click(cut, "Remove option 1");

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".question-options > li").Count));
        Assert.Equal("First", Input(cut, QuestionFields.Option(0, "en")).GetAttribute("value"));
    }

    [Fact]
    public async Task ChoosingFreeText_AsksForAMaximumLengthInsteadOfOptions()
    {
        await SignInOfficerAsync();
        var cut = RenderNew();

        Choose(cut, "Short free text");

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".question-options")));
        Assert.Equal("200", Input(cut, QuestionFields.MaxLength).GetAttribute("value"));
    }

    [Fact]
    public async Task Render_ForAnUnknownId_SaysTheQuestionWasNotFound()
    {
        await SignInOfficerAsync();

        var cut = Render<QuestionEditPage>(p => p.Add(x => x.Id, 42));

        cut.WaitForAssertion(() => Assert.Equal("Question not found", cut.Find("h1").TextContent));
        Assert.StartsWith("There is no question number 42.", cut.FindAll("p").Select(p => p.TextContent).Single(t => t.Contains("42", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("input"));
    }
}
