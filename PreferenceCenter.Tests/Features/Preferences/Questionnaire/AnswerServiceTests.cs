using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

public sealed class AnswerServiceTests
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public async Task Answer_SavesTheAnswerAndALedgerEntryThatHoldsNoAnswer()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.FreeText());

        var result = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Write("Vintage bikes"), 0, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, result.Outcome);
        var question = (await f.Answers.GetQuestionnaireAsync(f.CustomerId, English)).Questions.Single();
        Assert.Equal(("Vintage bikes", PreferenceFixture.Now, 1), (question.Answer!.Text, question.Answer.AnsweredAt, question.Answer.Version));
        Assert.Empty(question.Answer.Choices);
        var entry = (await f.LedgerAsync()).Single();
        Assert.Equal((LedgerEventType.PreferenceAnswered, "anything-else-we-should-know", "marketing", "answered"), (entry.EventType, entry.Detail, entry.PurposeKey, entry.After));
        Assert.DoesNotContain("Vintage", string.Join('|', entry.Before, entry.After, entry.Detail, entry.Reason), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>bold</b>", PreferenceProblem.TextHasMarkup)]
    [InlineData("   ", PreferenceProblem.TextRequired)]
    public async Task Answer_BadText_IsRefusedAndNothingIsWritten(string text, PreferenceProblem expected)
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.FreeText(maxLength: 50));

        var result = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Write(text), 0, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(expected), result);
        await AssertNothingWrittenAsync(f);
    }

    [Fact]
    public async Task Answer_AChoiceThatIsNotInTheQuestion_IsRefusedAndNothingIsWritten()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("paris"), 0, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.ChoiceNotInQuestion), result);
        await AssertNothingWrittenAsync(f);
    }

    [Fact]
    public async Task Answer_FromAStaleTab_IsAConflictAndKeepsTheNewerAnswer()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.SingleChoice());
        await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("milan"), 0, f.Me, ChangeSource.Web);

        var stale = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("madrid"), 0, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Conflict, stale.Outcome);
        var answer = (await f.Answers.GetQuestionnaireAsync(f.CustomerId, English)).Questions.Single().Answer!;
        Assert.Equal(["milan"], answer.Choices);
        Assert.Single(await f.LedgerAsync());
    }

    [Fact]
    public async Task Answer_TheSameAgain_IsUnchangedAndNotRecordedTwice()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.MultipleChoice());
        await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("travel", "running"), 0, f.Me, ChangeSource.Web);

        var again = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("running", "travel"), 1, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Unchanged, again.Outcome);
        Assert.Single(await f.LedgerAsync());
    }

    [Fact]
    public async Task Answer_ForSomeoneElse_IsRefused()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("milan"), 0, Actor.Customer(Guid.NewGuid()), ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.ActorIsNotSubject), result);
        await AssertNothingWrittenAsync(f);
    }

    [Fact]
    public async Task Answer_ByAnErasedCustomer_IsRefused()
    {
        await using var f = await PreferenceFixture.CreateAsync(CustomerStatus.Erased);
        var id = await f.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("milan"), 0, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.CustomerNotActive), result);
    }

    [Fact]
    public async Task Forget_DeletesTheAnswerAndRecordsThatItWasForgotten()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var id = await f.AddQuestionAsync(QuestionSamples.SingleChoice());
        await f.Answers.AnswerAsync(f.CustomerId, id, AnswerInput.Choose("milan"), 0, f.Me, ChangeSource.Web);

        var result = await f.Answers.ForgetAsync(f.CustomerId, id, f.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, result.Outcome);
        await using var db = f.Database.CreateDbContext();
        Assert.False(await db.Answers.AnyAsync());
        Assert.Equal([LedgerEventType.PreferenceAnswered, LedgerEventType.PreferenceAnswerForgotten], (await f.LedgerAsync()).Select(e => e.EventType));
    }

    [Fact]
    public async Task ForgetAll_DeletesEveryAnswerWithOneEntryEach()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var store = await f.AddQuestionAsync(QuestionSamples.SingleChoice());
        var interests = await f.AddQuestionAsync(QuestionSamples.MultipleChoice());
        await f.Answers.AnswerAsync(f.CustomerId, store, AnswerInput.Choose("milan"), 0, f.Me, ChangeSource.Web);
        await f.Answers.AnswerAsync(f.CustomerId, interests, AnswerInput.Choose("cooking"), 0, f.Me, ChangeSource.Web);

        await f.Answers.ForgetAllAsync(f.CustomerId, f.Me, ChangeSource.Web);

        var questionnaire = await f.Answers.GetQuestionnaireAsync(f.CustomerId, English);
        Assert.All(questionnaire.Questions, q => Assert.Null(q.Answer));
        Assert.Equal(2, (await f.LedgerAsync()).Count(e => e.EventType == LedgerEventType.PreferenceAnswerForgotten));
        Assert.Equal(PreferenceChangeOutcome.Unchanged, (await f.Answers.ForgetAllAsync(f.CustomerId, f.Me, ChangeSource.Web)).Outcome);
    }

    [Fact]
    public async Task Questionnaire_IsInTheReadersLanguage_AndSaysWhetherAnswersAreInUse()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await f.AddQuestionAsync(QuestionSamples.SingleChoice());
        await f.GrantAsync("profiling", Channel.Email);

        var question = (await f.Answers.GetQuestionnaireAsync(f.CustomerId, CultureInfo.GetCultureInfo("it"))).Questions.Single();

        Assert.Equal(("Quale negozio visiti di solito?", "Così le offerte indicano un negozio vicino a te."), (question.Prompt, question.WhyWeAsk));
        Assert.Equal(["Milano", "Madrid", "Online"], question.Options.Select(o => o.Label));
        Assert.True(question.AnswersInUse);
    }

    [Fact]
    public async Task Questionnaire_AfterRetirement_MovesTheAnswerToQuestionsNoLongerAsked()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var answered = await f.AddQuestionAsync(QuestionSamples.SingleChoice());
        var unanswered = await f.AddQuestionAsync(QuestionSamples.MultipleChoice());
        await f.Answers.AnswerAsync(f.CustomerId, answered, AnswerInput.Choose("online"), 0, f.Me, ChangeSource.Web);

        await f.Questions.RetireAsync(answered, 1, PreferenceFixture.Officer);
        await f.Questions.RetireAsync(unanswered, 1, PreferenceFixture.Officer);

        var questionnaire = await f.Answers.GetQuestionnaireAsync(f.CustomerId, English);
        Assert.Empty(questionnaire.Questions);
        Assert.Equal(["online"], questionnaire.Retired.Single().Answer!.Choices);
        Assert.Equal(PreferenceProblem.QuestionRetired,
            (await f.Answers.AnswerAsync(f.CustomerId, answered, AnswerInput.Choose("milan"), 1, f.Me, ChangeSource.Web)).Problem);
        Assert.Equal("Which store do you usually visit?", (await f.Answers.GetPromptsAsync(English))["which-store-do-you-usually-visit"]);
    }

    private static async Task AssertNothingWrittenAsync(PreferenceFixture f)
    {
        await using var db = f.Database.CreateDbContext();
        Assert.False(await db.Answers.AnyAsync());
        Assert.Empty(await f.LedgerAsync());
    }
}
