using System.Globalization;
using Bunit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

public sealed class QuestionnaireSectionTests : PreferencesPageSectionTests
{
    private const string Store = "Which store do you usually visit?";
    private const string Interests = "What are you interested in?";
    private const string AnythingElse = "Anything else we should know?";

    private async Task<AnswerView?> StoredAnswerAsync(int questionId)
    {
        var form = await Answers.GetQuestionnaireAsync(CustomerId, CultureInfo.GetCultureInfo("en"));
        return form.Questions.Concat(form.Retired).Single(q => q.Id == questionId).Answer;
    }

    private Task<PreferenceChangeResult> AnswerAsync(int questionId, AnswerInput input, int expectedVersion = 0) =>
        Answers.AnswerAsync(CustomerId, questionId, input, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web);

    [Fact]
    public async Task Render_ShowsEachQuestionWithItsOwnKindOfInputAndWhyWeAsk()
    {
        await SignInCustomerAsync();
        await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AddQuestionAsync(QuestionSamples.MultipleChoice());
        await AddQuestionAsync(QuestionSamples.FreeText());

        var cut = RenderPage();

        var store = Group(cut, Store);
        Assert.Equal(["Milan", "Madrid", "Online"], store.QuerySelectorAll("input[type=radio]").Select(i => i.Closest("label")!.TextContent.Trim()));
        Assert.Contains("Why we ask: So offers name a store near you.", store.TextContent, StringComparison.Ordinal);
        var interests = Group(cut, Interests);
        Assert.Equal(["Running", "Cooking", "Travel"], interests.QuerySelectorAll("input[type=checkbox]").Select(i => i.Closest("label")!.TextContent.Trim()));
        Assert.Contains("Why we ask: So we show you things you like.", interests.TextContent, StringComparison.Ordinal);
        var anythingElse = Group(cut, AnythingElse);
        var text = anythingElse.QuerySelector("textarea")!;
        Assert.Equal("Your answer (up to 100 characters)", anythingElse.QuerySelector($"label[for='{text.Id}']")!.TextContent.Trim());
        Assert.Contains("0 / 100", anythingElse.TextContent, StringComparison.Ordinal);
        Assert.Contains("Why we ask: So our messages fit you better.", anythingElse.TextContent, StringComparison.Ordinal);
        // The reason is tied to the group, so a screen reader reads it on entering.
        Assert.Contains(anythingElse.QuerySelector(".question__why")!.Id!, anythingElse.GetAttribute("aria-describedby")!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveSingleChoice_StoresTheAnswerAndSaysWhen()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = RenderPage();

        await ClickAsync(LabelledInput(Group(cut, Store), "Madrid"));
        await ClickAsync(Button(Group(cut, Store), "Save"));

        WaitForStatus(cut, $"Your answer to “{Store}” is saved — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.Equal(["madrid"], (await StoredAnswerAsync(id))!.Choices);
        Assert.Contains("Answered 23 Nov 2026, 10:14 UTC", Group(cut, Store).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveMultipleChoice_StoresEveryTickedOption()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.MultipleChoice());
        var cut = RenderPage();

        await ChangeAsync(LabelledInput(Group(cut, Interests), "Travel"), true);
        await ChangeAsync(LabelledInput(Group(cut, Interests), "Running"), true);
        await ClickAsync(Button(Group(cut, Interests), "Save"));

        WaitForStatus(cut, $"Your answer to “{Interests}” is saved — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.Equal(["running", "travel"], (await StoredAnswerAsync(id))!.Choices);
    }

    [Fact]
    public async Task SaveText_OverTheLimit_SaysSoNextToTheFieldKeepsTheWordsAndWritesNothing()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.FreeText(maxLength: 100));
        var cut = RenderPage();
        var entries = await LedgerEntriesAsync();
        var tooLong = new string('a', 101);

        await Group(cut, AnythingElse).QuerySelector("textarea")!.InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = tooLong });
        await ClickAsync(Button(Group(cut, AnythingElse), "Save"));

        cut.WaitForAssertion(() =>
        {
            var field = Group(cut, AnythingElse).QuerySelector("textarea")!;
            var message = cut.Find($"#{field.GetAttribute("aria-describedby")}");
            Assert.Equal("Your answer is longer than the limit shown below it. Please shorten it.", message.TextContent.Trim());
            Assert.Equal("true", field.GetAttribute("aria-invalid"));
            Assert.Equal(tooLong, field.TextContent);
        });
        Assert.StartsWith($"Your answer to “{AnythingElse}” was not saved:", Status(cut), StringComparison.Ordinal);
        Assert.Null(await StoredAnswerAsync(id));
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task SaveText_WithMarkup_IsRefusedAndTheMarkupStaysText()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.FreeText());
        var cut = RenderPage();
        var entries = await LedgerEntriesAsync();

        await Group(cut, AnythingElse).QuerySelector("textarea")!.InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "<b>bold</b> me" });
        await ClickAsync(Button(Group(cut, AnythingElse), "Save"));

        cut.WaitForAssertion(() => Assert.Contains(
            "Please write plain text, without markup such as <b> or <a>.", Group(cut, AnythingElse).TextContent, StringComparison.Ordinal));
        Assert.Equal("<b>bold</b> me", Group(cut, AnythingElse).QuerySelector("textarea")!.TextContent);
        Assert.Empty(cut.FindAll("section.questionnaire b"));
        Assert.Null(await StoredAnswerAsync(id));
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task SaveChoice_ThatTheQuestionNoLongerHas_IsRefusedNextToTheQuestion()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = RenderPage();
        // The officer drops "Online" while this page still shows it.
        var form = (await QuestionAdmin.GetFormAsync(id))!;
        form.Options.RemoveAll(o => o.Key == "online");
        Assert.True((await QuestionAdmin.SaveAsync(form, Officer)).Saved);

        await ClickAsync(LabelledInput(Group(cut, Store), "Online"));
        await ClickAsync(Button(Group(cut, Store), "Save"));

        cut.WaitForAssertion(() => Assert.Equal(
            "That option does not belong to this question. Choose one of the options shown.",
            Group(cut, Store).QuerySelector(".field-problem")!.TextContent.Trim()));
        Assert.Equal(["Milan", "Madrid"], Group(cut, Store).QuerySelectorAll("input[type=radio]").Select(i => i.Closest("label")!.TextContent.Trim()));
        Assert.Null(await StoredAnswerAsync(id));
    }

    [Fact]
    public async Task ForgetThisAnswer_RemovesIt()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AnswerAsync(id, AnswerInput.Choose("milan"));
        var cut = RenderPage();
        Assert.Contains("Answered 23 Nov 2026, 10:14 UTC", Group(cut, Store).TextContent, StringComparison.Ordinal);

        await ClickAsync(Button(Group(cut, Store), "Forget this answer"));

        WaitForStatus(cut, $"Your answer to “{Store}” is forgotten.");
        Assert.Null(await StoredAnswerAsync(id));
        Assert.DoesNotContain("Answered", Group(cut, Store).TextContent, StringComparison.Ordinal);
        Assert.All(Group(cut, Store).QuerySelectorAll("input[type=radio]"), r => Assert.False(r.HasAttribute("checked")));
    }

    [Fact]
    public async Task ForgetAllMyAnswers_RemovesEveryAnswer()
    {
        await SignInCustomerAsync();
        var store = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var text = await AddQuestionAsync(QuestionSamples.FreeText());
        await AnswerAsync(store, AnswerInput.Choose("milan"));
        await AnswerAsync(text, AnswerInput.Write("Vegetarian"));
        var cut = RenderPage();

        await ClickAsync(Button(cut.Find("section.questionnaire"), "Forget all my answers"));

        WaitForStatus(cut, "All your answers are forgotten.");
        Assert.Null(await StoredAnswerAsync(store));
        Assert.Null(await StoredAnswerAsync(text));
        Assert.True(Button(cut.Find("section.questionnaire"), "Forget all my answers").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Save_WhenAnotherWindowAnsweredMeanwhile_ShowsTheCurrentAnswerAndOverwritesNothing()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = RenderPage();
        await AnswerAsync(id, AnswerInput.Choose("milan")); // the other window

        await ClickAsync(LabelledInput(Group(cut, Store), "Madrid"));
        await ClickAsync(Button(Group(cut, Store), "Save"));

        WaitForStatus(cut, $"Your answer to “{Store}” was changed in another window meanwhile. Nothing was overwritten; the current answer is shown.");
        Assert.Equal(["milan"], (await StoredAnswerAsync(id))!.Choices);
        Assert.True(LabelledInput(Group(cut, Store), "Milan").HasAttribute("checked"));
        Assert.False(LabelledInput(Group(cut, Store), "Madrid").HasAttribute("checked"));
        Assert.Contains("This was changed in another window meanwhile.", Group(cut, Store).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WhenProfilingIsOff_SaysTheAnswersAreNotUsed_AndStopsSayingSoOnceItIsOn()
    {
        await SignInCustomerAsync();
        await AddQuestionAsync(QuestionSamples.SingleChoice("profiling"));
        var cut = RenderPage();
        const string notice = "You have not agreed to Profiling, so we don't use these answers. Turn it on above if you'd like us to.";
        Assert.Equal(notice, Group(cut, Store).QuerySelector(".question__not-in-use")!.TextContent.Trim());

        var profilingByEmail = cut.FindAll(".consent-matrix input[role=switch]").Single(s =>
            s.Closest("label")!.QuerySelector($"[id='{s.GetAttribute("aria-labelledby")}']")!.TextContent == "Profiling by email");
        await ChangeAsync(profilingByEmail, true);

        cut.WaitForAssertion(() => Assert.Null(Group(cut, Store).QuerySelector(".question__not-in-use")));
    }

    [Fact]
    public async Task Render_ListsAnswersToRetiredQuestionsSoTheyCanBeForgotten()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AnswerAsync(id, AnswerInput.Choose("madrid"));
        var form = (await QuestionAdmin.GetFormAsync(id))!;
        Assert.True((await QuestionAdmin.RetireAsync(id, form.Version, Officer)).Saved);
        var cut = RenderPage();

        var retired = cut.Find("ul.retired-answers li");
        Assert.Contains(Store, retired.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your answer: Madrid", retired.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("fieldset.question"));

        await ClickAsync(Button(retired, "Forget this answer"));

        WaitForStatus(cut, $"Your answer to “{Store}” is forgotten.");
        Assert.Null((await Answers.GetQuestionnaireAsync(CustomerId, CultureInfo.GetCultureInfo("en"))).Retired.SingleOrDefault());
        Assert.Empty(cut.FindAll("ul.retired-answers"));
    }
}
