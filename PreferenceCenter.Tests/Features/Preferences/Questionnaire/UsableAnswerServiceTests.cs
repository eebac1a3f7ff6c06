using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

/// <summary>Answers serve a purpose only while the customer agrees to it.</summary>
public sealed class UsableAnswerServiceTests
{
    [Fact]
    public async Task Get_WhileProfilingIsConsented_ReturnsTheProfilingAnswersOnly()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(f);
        await f.GrantAsync("profiling", Channel.Email);

        var answers = await f.UsableAnswers.GetAsync(f.CustomerId, "profiling");

        Assert.Equal([new UsableAnswer("which-store-do-you-usually-visit", ["madrid"], null)], answers, new UsableAnswerComparer());
    }

    [Fact]
    public async Task Get_WithoutConsent_ReturnsNothing()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(f);

        Assert.Empty(await f.UsableAnswers.GetAsync(f.CustomerId, "profiling"));
        Assert.Empty(await f.UsableAnswers.GetAsync(f.CustomerId, "marketing"));
    }

    [Fact]
    public async Task Get_AfterConsentIsWithdrawn_ReturnsNothingUntilItIsGivenAgain()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(f);
        await f.GrantAsync("profiling", Channel.Email);

        await f.Consents.WithdrawAllAsync(f.CustomerId, f.Me, ChangeSource.Web);
        Assert.Empty(await f.UsableAnswers.GetAsync(f.CustomerId, "profiling"));

        await f.Consents.SetAsync(new ConsentChange(f.CustomerId, "profiling", Channel.Email, true, 2, f.Me, ChangeSource.Web));
        Assert.Single(await f.UsableAnswers.GetAsync(f.CustomerId, "profiling"));
    }

    [Fact]
    public async Task Get_AfterConsentExpires_ReturnsNothing_EvenBeforeAnyJobHasRun()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(f);
        await f.GrantAsync("profiling", Channel.Email);

        f.Clock.Advance(TimeSpan.FromDays(366)); // profiling consents last 12 months

        Assert.Empty(await f.UsableAnswers.GetAsync(f.CustomerId, "profiling"));
    }

    [Fact]
    public async Task Get_ForARetiredQuestion_ReturnsNothing()
    {
        await using var f = await PreferenceFixture.CreateAsync();
        var (store, _) = await AnswerBothAsync(f);
        await f.GrantAsync("profiling", Channel.Email);

        await f.Questions.RetireAsync(store, 1, PreferenceFixture.Officer);

        Assert.Empty(await f.UsableAnswers.GetAsync(f.CustomerId, "profiling"));
    }

    private static async Task<(int Store, int Note)> AnswerBothAsync(PreferenceFixture f)
    {
        var store = await f.AddQuestionAsync(QuestionSamples.SingleChoice("profiling"));
        var note = await f.AddQuestionAsync(QuestionSamples.FreeText("marketing"));
        await f.Answers.AnswerAsync(f.CustomerId, store, AnswerInput.Choose("madrid"), 0, f.Me, ChangeSource.Web);
        await f.Answers.AnswerAsync(f.CustomerId, note, AnswerInput.Write("More about bikes"), 0, f.Me, ChangeSource.Web);
        return (store, note);
    }

    private sealed class UsableAnswerComparer : IEqualityComparer<UsableAnswer>
    {
        public bool Equals(UsableAnswer? x, UsableAnswer? y) =>
            x is not null && y is not null && x.QuestionKey == y.QuestionKey && x.Text == y.Text && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(UsableAnswer obj) => obj.QuestionKey.GetHashCode(StringComparison.Ordinal);
    }
}
