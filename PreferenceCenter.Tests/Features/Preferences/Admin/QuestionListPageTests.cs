using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class QuestionListPageTests : PageTestBase
{
    private const string Store = "Which store do you usually visit?";
    private const string Interests = "What are you interested in?";

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<QuestionListPage> cut, string name) =>
        cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == name);

    private static List<string> Rows(IRenderedComponent<QuestionListPage> cut) =>
        [.. cut.FindAll("tbody tr").Select(r => string.Join(" | ", r.Children.Take(5).Select(c => c.TextContent.Trim())))];

    private static string Status(IRenderedComponent<QuestionListPage> cut) => cut.Find("[role=status]").TextContent.Trim();

    private async Task<List<string>> StoredOrderAsync() =>
        [.. (await QuestionAdmin.ListAsync(CultureInfo.GetCultureInfo("en"))).Select(q => q.Prompt)];

    /// <summary>The list with two asked questions: the store question, then the interests question.</summary>
    private async Task<IRenderedComponent<QuestionListPage>> RenderStoreThenInterestsAsync()
    {
        await SignInOfficerAsync();
        await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AddQuestionAsync(QuestionSamples.MultipleChoice());
        var cut = Render<QuestionListPage>();
        cut.WaitForElement("table");
        return cut;
    }

    [Fact]
    public async Task Render_ListsEveryQuestionWithTypePurposeStatusAndAnswerCount()
    {
        await SignInOfficerAsync();
        var store = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var note = await AddQuestionAsync(QuestionSamples.FreeText());
        await Answers.AnswerAsync(CustomerId, store, AnswerInput.Choose("milan"), 0, Actor.Customer(CustomerId), ChangeSource.Web);
        await QuestionAdmin.RetireAsync(note, expectedVersion: 1, Officer);

        var cut = Render<QuestionListPage>();

        cut.WaitForAssertion(() => Assert.Equal(
            [$"{Store} | Single choice | Profiling | Asked | 1", "Anything else we should know? | Short free text | Marketing | Retired | 0"],
            Rows(cut)));
        Assert.Equal($"admin/questions/{store}", cut.Find("tbody tr a").GetAttribute("href"));
        Assert.Equal("Ask again", Button(cut, "Ask again: “Anything else we should know?”").TextContent.Trim());
    }

    [Fact]
    public async Task MoveDown_SwapsTheQuestionWithTheNextAndSaysSo()
    {
        var cut = await RenderStoreThenInterestsAsync();
        Assert.True(Button(cut, $"Move “{Store}” up").HasAttribute("disabled"));

        Button(cut, $"Move “{Store}” down").Click();

        cut.WaitForAssertion(() => Assert.Equal($"“{Store}” moved down.", Status(cut)));
        Assert.Equal([Interests, Store], await StoredOrderAsync());
        Assert.StartsWith(Interests, Rows(cut)[0], StringComparison.Ordinal);
        Assert.True(Button(cut, $"Move “{Store}” down").HasAttribute("disabled"));
    }

    [Fact]
    public async Task MoveUp_PutsTheQuestionBeforeThePreviousOne()
    {
        var cut = await RenderStoreThenInterestsAsync();

        Button(cut, $"Move “{Interests}” up").Click();

        cut.WaitForAssertion(() => Assert.Equal($"“{Interests}” moved up.", Status(cut)));
        Assert.Equal([Interests, Store], await StoredOrderAsync());
    }

    [Fact]
    public async Task Retire_ThenAskAgain_StopsAndResumesAskingTheQuestion()
    {
        await SignInOfficerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = Render<QuestionListPage>();
        cut.WaitForElement("table");

        Button(cut, $"Retire “{Store}”").Click();

        cut.WaitForAssertion(() => Assert.StartsWith($"“{Store}” is retired", Status(cut), StringComparison.Ordinal));
        Assert.True((await QuestionAdmin.GetFormAsync(id))!.IsRetired);
        Assert.Contains("| Retired |", Rows(cut)[0], StringComparison.Ordinal);

        Button(cut, $"Ask again: “{Store}”").Click();

        cut.WaitForAssertion(() => Assert.Equal($"“{Store}” is asked again, at the end of the list.", Status(cut)));
        Assert.False((await QuestionAdmin.GetFormAsync(id))!.IsRetired);
        Assert.Contains("| Asked |", Rows(cut)[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retire_WhenTheQuestionChangedElsewhere_OverwritesNothingAndShowsTheCurrentList()
    {
        await SignInOfficerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        var cut = Render<QuestionListPage>();
        cut.WaitForElement("table");
        var other = (await QuestionAdmin.GetFormAsync(id))!; // another officer rewords it meanwhile
        other.Wording["en"].Prompt = "Which shop do you visit most?";
        Assert.True((await QuestionAdmin.SaveAsync(other, Officer)).Saved);

        Button(cut, $"Retire “{Store}”").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            $"“{Store}” was changed elsewhere meanwhile, so nothing was changed here. This is the current list.", Status(cut)));
        Assert.False((await QuestionAdmin.GetFormAsync(id))!.IsRetired);
        Assert.StartsWith("Which shop do you visit most? |", Rows(cut)[0], StringComparison.Ordinal);
        await using var db = Database.CreateDbContext();
        Assert.DoesNotContain(await db.LedgerEntries.Select(e => e.EventType).ToListAsync(), t => t == LedgerEventType.QuestionRetired);
    }

    [Fact]
    public async Task Render_AfterTheFormSaved_ConfirmsWhichQuestion()
    {
        await SignInOfficerAsync();
        var id = await AddQuestionAsync(QuestionSamples.SingleChoice());
        Services.GetRequiredService<NavigationManager>().NavigateTo($"admin/questions?saved={id}");

        var cut = Render<QuestionListPage>();

        cut.WaitForAssertion(() => Assert.Equal($"“{Store}” is saved.", Status(cut)));
    }

    [Fact]
    public async Task Render_WhilePrerenderedBeforeTheCircuitConnects_DisablesEveryAction()
    {
        await SignInOfficerAsync();
        await AddQuestionAsync(QuestionSamples.SingleChoice());
        await AddQuestionAsync(QuestionSamples.MultipleChoice());
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<QuestionListPage>();

        cut.WaitForElement("table");
        Assert.All(cut.FindAll("tbody button"), b => Assert.True(b.HasAttribute("disabled")));
    }
}
