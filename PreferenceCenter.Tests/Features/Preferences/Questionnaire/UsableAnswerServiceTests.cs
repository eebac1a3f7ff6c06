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
        await using var fixture = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(fixture);
        await fixture.GrantAsync("profiling", Channel.Email);

        var answers = await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "profiling");

        Assert.Equal([new UsableAnswer("which-store-do-you-usually-visit", ["madrid"], null)], answers, new UsableAnswerComparer());
    }

    [Fact]
    public async Task Get_WithoutConsent_ReturnsNothing()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(fixture);

        Assert.Empty(await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "profiling"));
        Assert.Empty(await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "marketing"));
    }

    [Fact]
    public async Task Get_AfterConsentIsWithdrawn_ReturnsNothingUntilItIsGivenAgain()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(fixture);
        await fixture.GrantAsync("profiling", Channel.Email);

        await fixture.Consents.WithdrawAllAsync(fixture.CustomerId, fixture.Me, ChangeSource.Web);
        Assert.Empty(await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "profiling"));

        await fixture.Consents.SetAsync(new ConsentChange(fixture.CustomerId, "profiling", Channel.Email, true, 2, fixture.Me, ChangeSource.Web));
        Assert.Single(await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "profiling"));
    }

    [Fact]
    public async Task Get_AfterConsentExpires_ReturnsNothing_EvenBeforeAnyJobHasRun()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await AnswerBothAsync(fixture);
        await fixture.GrantAsync("profiling", Channel.Email);

        fixture.Clock.Advance(TimeSpan.FromDays(366)); // profiling consents last 12 months

        Assert.Empty(await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "profiling"));
    }

    [Fact]
    public async Task Get_ForARetiredQuestion_ReturnsNothing()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        var (store, _) = await AnswerBothAsync(fixture);
        await fixture.GrantAsync("profiling", Channel.Email);

        await fixture.Questions.RetireAsync(store, 1, PreferenceFixture.Officer);

        Assert.Empty(await fixture.UsableAnswers.GetAsync(fixture.CustomerId, "profiling"));
    }

    private static async Task<(int Store, int Note)> AnswerBothAsync(PreferenceFixture fixture)
    {
        var store = await fixture.AddQuestionAsync(QuestionSamples.SingleChoice("profiling"));
        var note = await fixture.AddQuestionAsync(QuestionSamples.FreeText("marketing"));
        await fixture.Answers.AnswerAsync(fixture.CustomerId, store, AnswerInput.Choose("madrid"), 0, fixture.Me, ChangeSource.Web);
        await fixture.Answers.AnswerAsync(fixture.CustomerId, note, AnswerInput.Write("More about bikes"), 0, fixture.Me, ChangeSource.Web);
        return (store, note);
    }

    private sealed class UsableAnswerComparer : IEqualityComparer<UsableAnswer>
    {
        public bool Equals(UsableAnswer? x, UsableAnswer? y) =>
            x is not null && y is not null && x.QuestionKey == y.QuestionKey && x.Text == y.Text && x.Choices.SequenceEqual(y.Choices);

        public int GetHashCode(UsableAnswer obj) => obj.QuestionKey.GetHashCode(StringComparison.Ordinal);
    }
}
