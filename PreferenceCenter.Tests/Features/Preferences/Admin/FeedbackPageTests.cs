using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Feedback;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences.Admin;

public sealed class FeedbackPageTests : PageTestBase
{
    private FeedbackService Feedback => Services.GetRequiredService<FeedbackService>();

    // Most tests look at the arithmetic, so every count of one or more is shown; the last test keeps the default of 10.
    private void ShowFromOne() => SmallCellMinimum = 1;

    private async Task SendAsync(bool tooOften, bool notRelevant, Channel? channel, string? comment = null) => Assert.Equal(
        PreferenceChangeOutcome.Saved,
        (await Feedback.SendAsync(CustomerId, new FeedbackDraft(tooOften, notRelevant, channel, comment), Actor.Customer(CustomerId), ChangeSource.Web)).Outcome);

    private static Dictionary<string, string> Figures(IRenderedComponent<FeedbackPage> cut) =>
        cut.FindAll(".feedback-figures div").ToDictionary(d => d.QuerySelector("dt")!.TextContent, d => d.QuerySelector("dd")!.TextContent);

    private static Dictionary<string, string> ByChannel(IRenderedComponent<FeedbackPage> cut) =>
        cut.FindAll(".feedback-channels tbody tr").ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelector("td")!.TextContent);

    [Fact]
    public async Task Render_AddsUpTheLast30DaysWithTooOftenByChannelAndTheCommentsAsPlainText()
    {
        ShowFromOne();
        await SignInOfficerAsync();
        await SendAsync(tooOften: true, notRelevant: false, Channel.Email, "Once a week is plenty: 1 < 7 & \"daily\" > enough");
        await SendAsync(tooOften: true, notRelevant: true, Channel.Sms);
        await SendAsync(tooOften: true, notRelevant: false, channel: null);
        await SendAsync(tooOften: false, notRelevant: true, channel: null, "Not for me");

        var cut = Render<FeedbackPage>();

        cut.WaitForAssertion(() => Assert.Equal("4", Figures(cut)["Feedback received"]));
        Assert.Equal("3", Figures(cut)["“You contact me too often”"]);
        Assert.Equal("2", Figures(cut)["“This is not relevant to me”"]);
        Assert.Equal("2", Figures(cut)["With a comment"]);
        var byChannel = ByChannel(cut);
        Assert.Equal(("1", "1", "fewer than 1", "1"), (byChannel["Email"], byChannel["SMS"], byChannel["Phone"], byChannel["No channel named"]));
        var comments = cut.FindAll(".feedback-comments li");
        Assert.Equal(["Not for me", "Once a week is plenty: 1 < 7 & \"daily\" > enough"], comments.Select(c => c.TextContent));
        Assert.Empty(comments[1].Children);
        Assert.Equal("page", cut.FindAll(".period-links a").Single(a => a.TextContent == "Last 30 days").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Render_ForALongerPeriod_CountsOlderFeedbackToo()
    {
        ShowFromOne();
        await SignInOfficerAsync();
        await SendAsync(tooOften: true, notRelevant: false, Channel.Post);
        Clock.Advance(TimeSpan.FromDays(45));
        await SendAsync(tooOften: false, notRelevant: true, channel: null);
        var navigation = Services.GetRequiredService<NavigationManager>();

        var cut = Render<FeedbackPage>();
        cut.WaitForAssertion(() => Assert.Equal("1", Figures(cut)["Feedback received"]));
        navigation.NavigateTo("admin/feedback?period=90d");

        cut.WaitForAssertion(() => Assert.Equal("2", Figures(cut)["Feedback received"]));
        Assert.Equal("1", ByChannel(cut)["Post"]);
        Assert.Equal("page", cut.FindAll(".period-links a").Single(a => a.TextContent == "Last 90 days").GetAttribute("aria-current"));
    }

    [Fact]
    public async Task Render_WithNoFeedback_HidesEvenTheZeroAndSaysThereAreNoComments()
    {
        ShowFromOne();
        await SignInOfficerAsync();

        var cut = Render<FeedbackPage>();

        // A zero that turns into "fewer than" after one customer's feedback would say what that customer did.
        cut.WaitForAssertion(() => Assert.Equal("fewer than 1", Figures(cut)["Feedback received"]));
        Assert.Equal("No comments in this period.", cut.Find("#feedback-comments + p").TextContent);
    }

    [Fact]
    public async Task Render_BelowTheMinimum_HidesEveryFigureAndTheComments_AsTheChartsDo()
    {
        await SignInOfficerAsync();
        await SendAsync(tooOften: true, notRelevant: false, Channel.Email, "I live at 12 Elm Street and you call me daily");
        await SendAsync(tooOften: true, notRelevant: true, Channel.Sms);

        var cut = Render<FeedbackPage>();

        cut.WaitForAssertion(() => Assert.Equal("fewer than 10", Figures(cut)["Feedback received"]));
        Assert.All(Figures(cut).Values, v => Assert.Equal("fewer than 10", v));
        Assert.All(ByChannel(cut).Values, v => Assert.Equal("fewer than 10", v));
        Assert.Empty(cut.FindAll(".feedback-comments li"));
        Assert.DoesNotContain("Elm Street", cut.Markup, StringComparison.Ordinal);
        Assert.Equal(
            "Comments are shown only when the period holds at least 10 of them, so no one can be recognised by their words.",
            cut.Find("#feedback-comments + p").TextContent);
    }
}
