using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Feedback;

namespace PreferenceCenter.Tests.Features.Preferences.Feedback;

public sealed class FeedbackServiceTests
{
    [Fact]
    public async Task Send_StoresTheWordsButTheLedgerOnlyTheKind()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var result = await fixture.Feedback.SendAsync(fixture.CustomerId, new FeedbackDraft(true, false, Channel.Sms, "  Three texts a day!  "), fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceChangeOutcome.Saved, result.Outcome);
        await using var db = fixture.Database.CreateDbContext();
        // Stored sealed with the customer's key; the words come back only through it.
        var stored = (await db.Feedback.SingleAsync()).Comment;
        Assert.StartsWith("pd1:", stored, StringComparison.Ordinal);
        Assert.Equal("Three texts a day!", await fixture.Database.Protector.UnprotectAsync(fixture.CustomerId, stored));
        var entry = (await fixture.LedgerAsync()).Single();
        Assert.Equal((LedgerEventType.FeedbackGiven, Channel.Sms, "too-often", "with-comment"), (entry.EventType, entry.Channel!.Value, entry.After, entry.Detail));
    }

    [Theory]
    [InlineData(false, false, "   ", PreferenceProblem.FeedbackEmpty)]
    [InlineData(true, false, "<a href=x>spam</a>", PreferenceProblem.CommentHasMarkup)]
    [InlineData(false, true, null, null)]
    public async Task Send_EmptyOrMarkedUp_IsRefusedAndNothingIsWritten(bool tooOften, bool notRelevant, string? comment, PreferenceProblem? expected)
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var result = await fixture.Feedback.SendAsync(fixture.CustomerId, new FeedbackDraft(tooOften, notRelevant, null, comment), fixture.Me, ChangeSource.Web);

        Assert.Equal(expected, result.Problem);
        Assert.Equal(expected is null ? 1 : 0, (await fixture.LedgerAsync()).Count);
    }

    [Fact]
    public async Task Send_ACommentOverTheLimit_IsRefused()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();

        var result = await fixture.Feedback.SendAsync(fixture.CustomerId, new FeedbackDraft(false, false, null, new string('a', 501)), fixture.Me, ChangeSource.Web);

        Assert.Equal(PreferenceProblem.CommentTooLong, result.Problem);
    }

    [Fact]
    public async Task Summarize_CountsThePeriodInAggregate()
    {
        await using var fixture = await PreferenceFixture.CreateAsync();
        await fixture.Feedback.SendAsync(fixture.CustomerId, new FeedbackDraft(true, false, Channel.Email, null), fixture.Me, ChangeSource.Web);
        fixture.Clock.Advance(TimeSpan.FromDays(40));
        await fixture.Feedback.SendAsync(fixture.CustomerId, new FeedbackDraft(true, true, Channel.Sms, "Less please"), fixture.Me, ChangeSource.Web);
        await fixture.Feedback.SendAsync(fixture.CustomerId, new FeedbackDraft(false, true, null, null), fixture.Me, ChangeSource.Web);

        var month = await fixture.Feedback.SummarizeAsync(TimeSpan.FromDays(30));
        var quarter = await fixture.Feedback.SummarizeAsync(TimeSpan.FromDays(90));

        Assert.Equal((2, 1, 2, 1), (month.Total, month.TooOften, month.NotRelevant, month.WithComment));
        Assert.Equal(new Dictionary<Channel, int> { [Channel.Sms] = 1 }, month.TooOftenByChannel);
        Assert.Equal(["Less please"], month.RecentComments);
        Assert.Equal((3, 2), (quarter.Total, quarter.TooOften));
    }
}
