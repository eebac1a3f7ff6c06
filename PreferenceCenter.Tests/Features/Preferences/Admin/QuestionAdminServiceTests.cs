using System.Globalization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class QuestionAdminServiceTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Save_ANewQuestion_GetsAStableKeyAndAnOfficerLedgerEntry()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());

        var form = (await fixture.Questions.GetFormAsync(id))!;
        Assert.Equal(("which-store-do-you-usually-visit", 1), (form.Key, form.Version));
        Assert.Equal(["milan", "madrid", "online"], form.Options.Select(o => o.Key));
        Assert.Equal("Madrid", form.Options[1].Labels["es"]);
        await using var db = fixture.Database.CreateDbContext();
        var entry = db.LedgerEntries.Single();
        Assert.Equal((LedgerEventType.QuestionCreated, ActorKind.Staff, "officer-user-id", null, "which-store-do-you-usually-visit"),
            (entry.EventType, entry.ActorKind, entry.ActorId, entry.SubjectId, entry.Detail));
    }

    [Fact]
    public async Task Save_WithProblems_SavesNothing()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var form = QuestionSamples.MultipleChoice();
        form.Wording["it"].WhyWeAsk = null;

        var result = await fixture.Questions.SaveAsync(form, PreferenceFixture.Officer);

        Assert.Equal([new QuestionProblem("WhyWeAsk.it", QuestionProblemCode.Required)], result.Problems);
        Assert.Empty(await fixture.Questions.ListAsync(English));
    }

    [Fact]
    public async Task Save_AnEdit_RewordsKeepsKeysAndAddsOptions()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        var form = (await fixture.Questions.GetFormAsync(id))!;
        form.Options[0].Labels["en"] = "Milan (Duomo)";
        var added = form.AddOption();
        (added.Labels["en"], added.Labels["it"], added.Labels["es"]) = ("Rome", "Roma", "Roma");

        Assert.True((await fixture.Questions.SaveAsync(form, PreferenceFixture.Officer)).Saved);

        var saved = (await fixture.Questions.GetFormAsync(id))!;
        Assert.Equal(["milan", "madrid", "online", "rome"], saved.Options.Select(o => o.Key));
        Assert.Equal("Milan (Duomo)", saved.Options[0].Labels["en"]);
    }

    [Fact]
    public async Task Save_AfterAnotherOfficerSaved_IsRefusedAsChangedElsewhere()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        var mine = (await fixture.Questions.GetFormAsync(id))!;
        var theirs = (await fixture.Questions.GetFormAsync(id))!;
        theirs.Wording["en"].Prompt = "Where do you shop?";
        await fixture.Questions.SaveAsync(theirs, PreferenceFixture.Officer);

        mine.Wording["en"].Prompt = "Which shop?";
        var result = await fixture.Questions.SaveAsync(mine, PreferenceFixture.Officer);

        Assert.Equal(QuestionProblemCode.ChangedElsewhere, result.Problems.Single().Code);
        Assert.Equal("Where do you shop?", (await fixture.Questions.GetFormAsync(id))!.Wording["en"].Prompt);
    }

    [Fact]
    public async Task Save_AnAnsweredQuestion_CannotDropAChosenOptionOrChangePurpose()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("milan"), 0, fixture.Me, PreferenceCenter.Features.Common.ChangeSource.Web);
        var form = (await fixture.Questions.GetFormAsync(id))!;
        form.Options.RemoveAt(0);
        form.PurposeKey = "marketing";

        var result = await fixture.Questions.SaveAsync(form, PreferenceFixture.Officer);

        Assert.Equal([QuestionProblemCode.PurposeLockedByAnswers, QuestionProblemCode.OptionInUse], result.Problems.Select(p => p.Code));
    }

    [Fact]
    public async Task Move_SwapsWithTheNeighbour_AndRetireAndReinstateKeepTheAnswers()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var first = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        var second = await fixture.AddQuestionAsync(QuestionSamples.MultipleChoice());
        var third = await fixture.AddQuestionAsync(QuestionSamples.FreeText());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, first, AnswerInput.Choose("online"), 0, fixture.Me, PreferenceCenter.Features.Common.ChangeSource.Web);

        await fixture.Questions.MoveAsync(third, up: true, PreferenceFixture.Officer);
        Assert.Equal([first, third, second], (await fixture.Questions.ListAsync(English)).Select(q => q.Id));

        var version = (await fixture.Questions.ListAsync(English)).Single(q => q.Id == first).Version;
        await fixture.Questions.RetireAsync(first, version, PreferenceFixture.Officer);
        var list = await fixture.Questions.ListAsync(English);
        Assert.Equal([third, second, first], list.Select(q => q.Id));
        Assert.Equal((true, 1), (list[2].IsRetired, list[2].AnswerCount));

        await fixture.Questions.ReinstateAsync(first, list[2].Version, PreferenceFixture.Officer);
        Assert.False((await fixture.Questions.ListAsync(English)).Single(q => q.Id == first).IsRetired);
    }

    [Fact]
    public async Task Retire_WithAStaleVersion_IsRefused()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await fixture.Questions.RetireAsync(id, expectedVersion: 0, PreferenceFixture.Officer);

        Assert.Equal(QuestionProblemCode.ChangedElsewhere, result.Problems.Single().Code);
        Assert.False((await fixture.Questions.ListAsync(English)).Single().IsRetired);
    }
}
