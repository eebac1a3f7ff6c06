using System.Globalization;
using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

/// <summary>
/// The questionnaire as /preferences renders it statically: each question a form. A save is the form's fields set on
/// the request (as the browser posts them, with the version the form showed) and its submit run, as Blazor's form
/// handling does on the post; outcomes are read from the section's own live region and checked again in the store.
/// </summary>
public sealed class QuestionnaireSectionTests : PreferencesPageSectionTests
{
    private const string Store = "Which store do you usually visit?";
    private const string Interests = "What are you interested in?";
    private const string AnythingElse = "Anything else we should know?";

    private readonly DefaultHttpContext request = new();

    private async Task<AnswerView?> StoredAnswerAsync(int questionId)
    {
        var form = await Answers.GetQuestionnaireAsync(CustomerId, CultureInfo.GetCultureInfo("en"));
        return form.Questions.Concat(form.Retired).Single(q => q.Id == questionId).Answer;
    }

    private Task<PreferenceChangeResult> AnswerAsync(int questionId, AnswerInput input, int expectedVersion = 0) =>
        Answers.AnswerAsync(CustomerId, questionId, input, expectedVersion, Actor.Customer(CustomerId), ChangeSource.Web);

    private async Task<IRenderedComponent<QuestionnaireSection>> RenderSectionAsync()
    {
        var notice = await Services.GetRequiredService<PrivacyNoticeService>().GetCurrentAsync(CultureInfo.GetCultureInfo("en"));
        var cut = Render<QuestionnaireSection>(p => p
            .Add(s => s.CustomerId, CustomerId)
            .Add(s => s.Purposes, notice!.Purposes)
            .AddCascadingValue<HttpContext>(request));
        // Every test here has an answer or a question, so the section has a form once it has read them.
        cut.WaitForElement("form");
        return cut;
    }

    private static (string, string) Choice(int questionId, string key) => (QuestionnairePost.ChoiceField(questionId), key);

    private static (string, string) Text(int questionId, string text) => (QuestionnairePost.TextField(questionId), text);

    /// <summary>
    /// Posts the questionnaire's form as pressing <paramref name="button"/> does: the hidden fields as rendered, the
    /// boxes as they are ticked on the page, the button's own name and value, then <paramref name="changes"/>, what
    /// the customer chose or typed since (each field named replaces the page's values for it).
    /// </summary>
    private async Task PostAsync(IElement button, params (string Name, string Value)[] changes)
    {
        var form = button.Closest("form")!;
        Assert.Equal("post", form.GetAttribute("method"));
        var changed = changes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var page = form.QuerySelectorAll("input[type=hidden][name], input[checked][name], textarea[name]")
            .Select(i => (Name: i.GetAttribute("name")!, Value: i.LocalName == "textarea" ? i.TextContent : i.GetAttribute("value") ?? string.Empty))
            .Where(f => !changed.Contains(f.Name));
        // The button's own name and value, unless a change stands for a different one (a script's post).
        var pressed = changed.Contains(QuestionnairePost.ActionField) ? [] : new[] { (Name: QuestionnairePost.ActionField, Value: button.GetAttribute("value")!) };
        var posted = page.Concat(pressed).Concat(changes);
        request.Request.ContentType = "application/x-www-form-urlencoded";
        request.Request.Form = new FormCollection(posted.GroupBy(f => f.Name)
            .ToDictionary(g => g.Key, g => new StringValues([.. g.Select(f => f.Value)])));
        await form.SubmitAsync();
    }

    [Fact]
    public async Task Render_ShowsEachQuestionWithItsOwnKindOfInputAndWhyWeAsk()
    {
        await SignInCustomerAsync();
        await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AddQuestionAsync(QuestionSamples.MultipleChoice());
        await AddQuestionAsync(QuestionSamples.FreeText());

        var cut = await RenderSectionAsync();

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
        var cut = await RenderSectionAsync();

        await PostAsync(Button(Group(cut, Store), "Save"), Choice(id, LabelledInput(Group(cut, Store), "Madrid").GetAttribute("value")!));

        WaitForStatus(cut, $"Your answer to “{Store}” is saved — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.Equal(["madrid"], (await StoredAnswerAsync(id))!.Choices);
        Assert.Contains("Answered 23 Nov 2026, 10:14 UTC", Group(cut, Store).TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveMultipleChoice_StoresEveryTickedOption()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.MultipleChoice());
        var cut = await RenderSectionAsync();

        await PostAsync(Button(Group(cut, Interests), "Save"), Choice(id, "travel"), Choice(id, "running"));

        WaitForStatus(cut, $"Your answer to “{Interests}” is saved — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.Equal(["running", "travel"], (await StoredAnswerAsync(id))!.Choices);
    }

    [Fact]
    public async Task SaveText_OverTheLimit_SaysSoNextToTheFieldKeepsTheWordsAndWritesNothing()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.FreeText(maxLength: 100));
        var cut = await RenderSectionAsync();
        var entries = await LedgerEntriesAsync();
        var tooLong = new string('a', 101);

        Assert.Equal(QuestionnairePost.TextField(id), Group(cut, AnythingElse).QuerySelector("textarea")!.GetAttribute("name"));
        await PostAsync(Button(Group(cut, AnythingElse), "Save"), Text(id, tooLong));

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
        var cut = await RenderSectionAsync();
        var entries = await LedgerEntriesAsync();

        await PostAsync(Button(Group(cut, AnythingElse), "Save"), Text(id, "<b>bold</b> me"));

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
        var cut = await RenderSectionAsync();
        // The officer drops "Online" while this page still shows it.
        var form = (await QuestionAdmin.GetFormAsync(id))!;
        form.Options.RemoveAll(o => o.Key == "online");
        Assert.True((await QuestionAdmin.SaveAsync(form, Officer)).Saved);

        await PostAsync(Button(Group(cut, Store), "Save"), Choice(id, "online"));

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
        var cut = await RenderSectionAsync();
        Assert.Contains("Answered 23 Nov 2026, 10:14 UTC", Group(cut, Store).TextContent, StringComparison.Ordinal);

        await PostAsync(Button(Group(cut, Store), "Forget this answer"));

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
        var cut = await RenderSectionAsync();

        await PostAsync(Button(cut.Find("section.questionnaire"), "Forget all my answers"));

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
        var cut = await RenderSectionAsync();
        await AnswerAsync(id, AnswerInput.Choose("milan")); // the other window

        await PostAsync(Button(Group(cut, Store), "Save"), Choice(id, "madrid"));

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
        var cut = await RenderSectionAsync();
        const string notice = "You have not agreed to Profiling, so we don't use these answers. Turn it on above if you'd like us to.";
        Assert.Equal(notice, Group(cut, Store).QuerySelector(".question__not-in-use")!.TextContent.Trim());

        // Turned on in the switches above; the section says so from its next render (the page's next load or post).
        Assert.Equal(PreferenceCenter.Features.Consents.ConsentChangeOutcome.Saved, (await Consents.SetAsync(Change("profiling", Channel.Email, grant: true))).Outcome);
        var next = await RenderSectionAsync();

        Assert.Null(Group(next, Store).QuerySelector(".question__not-in-use"));
    }

    [Fact]
    public async Task Render_ListsAnswersToRetiredQuestionsSoTheyCanBeForgotten()
    {
        await SignInCustomerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AnswerAsync(id, AnswerInput.Choose("madrid"));
        var form = (await QuestionAdmin.GetFormAsync(id))!;
        Assert.True((await QuestionAdmin.RetireAsync(id, form.Version, Officer)).Saved);
        var cut = await RenderSectionAsync();

        var retired = cut.Find("ul.retired-answers li");
        Assert.Contains(Store, retired.TextContent, StringComparison.Ordinal);
        Assert.Contains("Your answer: Madrid", retired.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("fieldset.question"));

        await PostAsync(Button(retired, "Forget this answer"));

        WaitForStatus(cut, $"Your answer to “{Store}” is forgotten.");
        Assert.Null((await Answers.GetQuestionnaireAsync(CustomerId, CultureInfo.GetCultureInfo("en"))).Retired.SingleOrDefault());
        Assert.Empty(cut.FindAll("ul.retired-answers"));
    }

    [Fact]
    public async Task Save_KeepsWhatWasLeftUnsavedInTheOtherQuestions()
    {
        await SignInCustomerAsync();
        var store = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var interests = await AddQuestionAsync(QuestionSamples.MultipleChoice());
        var cut = await RenderSectionAsync();

        await PostAsync(Button(Group(cut, Store), "Save"), Choice(store, "madrid"), Choice(interests, "cooking"));

        WaitForStatus(cut, $"Your answer to “{Store}” is saved — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.True(LabelledInput(Group(cut, Interests), "Cooking").HasAttribute("checked"));
        Assert.Null(await StoredAnswerAsync(interests));
        Assert.Equal(["madrid"], (await StoredAnswerAsync(store))!.Choices);
    }

    [Fact]
    public async Task Save_OfAnUnsavedQuestion_AnsweredElsewhereSinceThePageWasSent_StillOverwritesNothing()
    {
        await SignInCustomerAsync();
        var store = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var interests = await AddQuestionAsync(QuestionSamples.MultipleChoice());
        var cut = await RenderSectionAsync();
        await AnswerAsync(interests, AnswerInput.Choose("travel")); // the other window

        // Saving the store keeps the interests as this page left them, and the version this page saw with them.
        await PostAsync(Button(Group(cut, Store), "Save"), Choice(store, "milan"), Choice(interests, "cooking"));
        WaitForStatus(cut, $"Your answer to “{Store}” is saved — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.True(LabelledInput(Group(cut, Interests), "Cooking").HasAttribute("checked"));
        await PostAsync(Button(Group(cut, Interests), "Save"));

        WaitForStatus(cut, $"Your answer to “{Interests}” was changed in another window meanwhile. Nothing was overwritten; the current answer is shown.");
        Assert.Equal(["travel"], (await StoredAnswerAsync(interests))!.Choices);
        Assert.True(LabelledInput(Group(cut, Interests), "Travel").HasAttribute("checked"));
        Assert.False(LabelledInput(Group(cut, Interests), "Cooking").HasAttribute("checked"));
    }

    [Fact]
    public async Task Post_WithoutAButtonTheFormOffers_SaysNothingChangedAndWritesNothing()
    {
        await SignInCustomerAsync();
        var store = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = await RenderSectionAsync();
        var entries = await LedgerEntriesAsync();

        await PostAsync(Button(Group(cut, Store), "Save"), (QuestionnairePost.ActionField, "<script>"), Choice(store, "madrid"));

        WaitForStatus(cut, "Nothing was changed: press Save, or Forget this answer, next to a question.");
        Assert.True(LabelledInput(Group(cut, Store), "Madrid").HasAttribute("checked"));
        Assert.Null(await StoredAnswerAsync(store));
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Theory]
    [InlineData("save:999999")]
    [InlineData("forget:999999")]
    public async Task Post_ForAQuestionTheFormDoesNotAsk_IsRefusedAndWritesNothing(string action)
    {
        await SignInCustomerAsync();
        await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = await RenderSectionAsync();
        var entries = await LedgerEntriesAsync();

        await PostAsync(Button(Group(cut, Store), "Save"), (QuestionnairePost.ActionField, action));

        WaitForStatus(cut, "We no longer ask this question.");
        Assert.Equal(entries, await LedgerEntriesAsync());
    }
}
