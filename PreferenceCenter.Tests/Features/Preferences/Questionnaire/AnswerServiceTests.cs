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
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.FreeText());

        var result = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Write("Vintage bikes"), 0, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, result.Outcome);
        var question = (await fixture.Answers.GetQuestionnaireAsync(fixture.CustomerId, English)).Questions.Single();
        Assert.Equal(("Vintage bikes", PreferenceFixture.Now, 1), (question.Answer!.Text, question.Answer.AnsweredAt, question.Answer.Version));
        Assert.Empty(question.Answer.Choices);
        var entry = (await fixture.LedgerAsync()).Single();
        Assert.Equal((LedgerEventType.PreferenceAnswered, "anything-else-we-should-know", "marketing", "answered"), (entry.EventType, entry.Detail, entry.PurposeKey, entry.After));
        Assert.DoesNotContain("Vintage", string.Join('|', entry.Before, entry.After, entry.Detail, entry.Reason), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<b>bold</b>", PreferenceProblem.TextHasMarkup)]
    [InlineData("   ", PreferenceProblem.TextRequired)]
    public async Task Answer_BadText_IsRefusedAndNothingIsWritten(string text, PreferenceProblem expected)
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.FreeText(maxLength: 50));

        var result = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Write(text), 0, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(expected), result);
        await AssertNothingWrittenAsync(fixture);
    }

    [Fact]
    public async Task Answer_AChoiceThatIsNotInTheQuestion_IsRefusedAndNothingIsWritten()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("paris"), 0, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.ChoiceNotInQuestion), result);
        await AssertNothingWrittenAsync(fixture);
    }

    [Fact]
    public async Task Answer_FromAStaleTab_IsAConflictAndKeepsTheNewerAnswer()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("milan"), 0, fixture.Me, ChangeSource.Web);

        var stale = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("madrid"), 0, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Conflict, stale.Outcome);
        var answer = (await fixture.Answers.GetQuestionnaireAsync(fixture.CustomerId, English)).Questions.Single().Answer!;
        Assert.Equal(["milan"], answer.Choices);
        Assert.Single(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task Answer_TheSameAgain_IsUnchangedAndNotRecordedTwice()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.MultipleChoice());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("travel", "running"), 0, fixture.Me, ChangeSource.Web);

        var again = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("running", "travel"), 1, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Unchanged, again.Outcome);
        Assert.Single(await fixture.LedgerAsync());
    }

    [Fact]
    public async Task Answer_ForSomeoneElse_IsRefused()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("milan"), 0, Actor.Customer(Guid.NewGuid()), ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.ActorIsNotSubject), result);
        await AssertNothingWrittenAsync(fixture);
    }

    [Fact]
    public async Task Answer_ByAnErasedCustomer_IsRefused()
    {
        await using var fixture = await PreferenceFixture.CreateAsync(CustomerStatus.Erased);
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());

        var result = await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("milan"), 0, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeResult.Rejected(PreferenceProblem.CustomerNotActive), result);
    }

    [Fact]
    public async Task Forget_DeletesTheAnswerAndRecordsThatItWasForgotten()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var id = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, id, AnswerInput.Choose("milan"), 0, fixture.Me, ChangeSource.Web);

        var result = await fixture.Answers.ForgetAsync(fixture.CustomerId, id, fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, result.Outcome);
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.Answers.AnyAsync());
        Assert.Equal([LedgerEventType.PreferenceAnswered, LedgerEventType.PreferenceAnswerForgotten], (await fixture.LedgerAsync()).Select(e => e.EventType));
    }

    [Fact]
    public async Task ForgetAll_DeletesEveryAnswerWithOneEntryEach()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var store = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        var interests = await fixture.AddQuestionAsync(QuestionSamples.MultipleChoice());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, store, AnswerInput.Choose("milan"), 0, fixture.Me, ChangeSource.Web);
        await fixture.Answers.AnswerAsync(fixture.CustomerId, interests, AnswerInput.Choose("cooking"), 0, fixture.Me, ChangeSource.Web);

        await fixture.Answers.ForgetAllAsync(fixture.CustomerId, fixture.Me, ChangeSource.Web);

        var questionnaire = await fixture.Answers.GetQuestionnaireAsync(fixture.CustomerId, English);
        Assert.All(questionnaire.Questions, q => Assert.Null(q.Answer));
        Assert.Equal(2, (await fixture.LedgerAsync()).Count(e => e.EventType == LedgerEventType.PreferenceAnswerForgotten));
        Assert.Equal(PreferenceChangeOutcome.Unchanged, (await fixture.Answers.ForgetAllAsync(fixture.CustomerId, fixture.Me, ChangeSource.Web)).Outcome);
    }

    [Fact]
    public async Task Questionnaire_IsInTheReadersLanguage_AndSaysWhetherAnswersAreInUse()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        await fixture.GrantAsync("profiling", Channel.Email);

        var question = (await fixture.Answers.GetQuestionnaireAsync(fixture.CustomerId, CultureInfo.GetCultureInfo("it"))).Questions.Single();

        Assert.Equal(("Quale negozio visiti di solito?", "Così le offerte indicano un negozio vicino a te."), (question.Prompt, question.WhyWeAsk));
        Assert.Equal(["Milano", "Madrid", "Online"], question.Options.Select(o => o.Label));
        Assert.True(question.AnswersInUse);
    }

    [Fact]
    public async Task Questionnaire_AfterRetirement_MovesTheAnswerToQuestionsNoLongerAsked()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var answered = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice());
        var unanswered = await fixture.AddQuestionAsync(QuestionSamples.MultipleChoice());
        await fixture.Answers.AnswerAsync(fixture.CustomerId, answered, AnswerInput.Choose("online"), 0, fixture.Me, ChangeSource.Web);

        await fixture.Questions.RetireAsync(answered, 1, PreferenceFixture.Officer);
        await fixture.Questions.RetireAsync(unanswered, 1, PreferenceFixture.Officer);

        var questionnaire = await fixture.Answers.GetQuestionnaireAsync(fixture.CustomerId, English);
        Assert.Empty(questionnaire.Questions);
        Assert.Equal(["online"], questionnaire.Retired.Single().Answer!.Choices);
        Assert.Equal(PreferenceProblem.QuestionRetired,
            (await fixture.Answers.AnswerAsync(fixture.CustomerId, answered, AnswerInput.Choose("milan"), 1, fixture.Me, ChangeSource.Web)).Problem);
        Assert.Equal("Which store do you usually visit?", (await fixture.Answers.GetPromptsAsync(English))["which-store-do-you-usually-visit"]);
    }

    private static async Task AssertNothingWrittenAsync(PreferenceFixture fixture)
    {
        await using var db = fixture.Database.CreateDbContext();
        Assert.False(await db.Answers.AnyAsync());
        Assert.Empty(await fixture.LedgerAsync());
    }
}
