using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;

namespace PreferenceCenter.Tests.Features.Preferences.Feedback;

public sealed class FeedbackSectionTests : PreferencesPageSectionTests
{
    private static Task WriteCommentAsync(IRenderedComponent<PreferencesPanel> cut, string text) =>
        cut.Find("section.feedback textarea").InputAsync(new ChangeEventArgs { Value = text });

    private static Task SendAsync(IRenderedComponent<PreferencesPanel> cut) => ClickAsync(Button(cut.Find("section.feedback"), "Send feedback"));

    private async Task<int> FeedbackCountAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.Feedback.CountAsync();
    }

    [Fact]
    public async Task SendTooOften_AboutSms_StoresItAndClearsTheForm()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await ChangeAsync(LabelledInput(cut.Find("section.feedback"), "You contact me too often"), true);
        await ChangeAsync(cut.Find("#feedback-channel"), "Sms");
        await WriteCommentAsync(cut, "Three texts a day is a lot.");
        await SendAsync(cut);

        WaitForStatus(cut, "Thank you — your feedback was sent. Below, you can have us contact you less, right now.");
        await using var db = Database.CreateDbContext();
        var feedback = await db.Feedback.SingleAsync();
        Assert.True(feedback.TooOften);
        Assert.False(feedback.NotRelevant);
        Assert.Equal(Channel.Sms, feedback.Channel);
        // Stored sealed with the customer's key (issue #5); the words come back through it.
        Assert.Equal("Three texts a day is a lot.", await Database.Protector.UnprotectAsync(CustomerId, feedback.Comment));
        Assert.Equal(LedgerEventType.FeedbackGiven, (await db.LedgerEntries.SingleAsync()).EventType);
        Assert.False(LabelledInput(cut.Find("section.feedback"), "You contact me too often").HasAttribute("checked"));
        Assert.Equal(string.Empty, cut.Find("#feedback-channel").GetAttribute("value"));
        Assert.Equal(string.Empty, cut.Find("section.feedback textarea").TextContent);
    }

    private async Task<IRenderedComponent<PreferencesPanel>> TooOftenAsync(string? channel)
    {
        await SignInCustomerAsync();
        var cut = RenderPage();
        await ChangeAsync(LabelledInput(cut.Find("section.feedback"), "You contact me too often"), true);
        if (channel is not null)
        {
            await ChangeAsync(cut.Find("#feedback-channel"), channel);
        }

        await SendAsync(cut);
        return cut;
    }

    [Fact]
    public async Task TooOften_AboutEmail_OffersALowerFrequencyThere_AndTakingItIsRecorded()
    {
        var cut = await TooOftenAsync("Email");

        cut.WaitForAssertion(() => Assert.Equal("Would you like us to contact you less by email?", cut.Find("#feedback-offer-text").TextContent.Trim()));
        await ClickAsync(Button(cut.Find(".feedback-offer"), "Yes: at most one weekly digest"));

        WaitForStatus(cut, "Done: contact by email is now at most one weekly digest.");
        Assert.Empty(cut.FindAll(".feedback-offer"));
        await using var db = Database.CreateDbContext();
        var entry = await db.LedgerEntries.OrderBy(e => e.Sequence).LastAsync();
        Assert.Equal((LedgerEventType.ContactFrequencyChanged, Channel.Email, "weekly"), (entry.EventType, entry.Channel!.Value, entry.After));
        // The contact rules section on the same page shows the new frequency.
        Assert.Equal("WeeklyDigest", cut.Find("#frequency-Email").GetAttribute("value"));
    }

    [Fact]
    public async Task TooOften_AboutNoChannel_OffersAPauseOfEveryChannel()
    {
        var cut = await TooOftenAsync(null);

        cut.WaitForAssertion(() => Assert.Equal("Would you like a break from our messages on every channel?", cut.Find("#feedback-offer-text").TextContent.Trim()));
        Assert.DoesNotContain(cut.Find(".feedback-offer").QuerySelectorAll("button"), b => b.TextContent.Trim().StartsWith("Yes:", StringComparison.Ordinal));
        await ClickAsync(Button(cut.Find(".feedback-offer"), "Pause every channel for 3 months"));

        cut.WaitForAssertion(() => Assert.StartsWith("Pause set:", Status(cut), StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Equal(ChannelSetExtensions.AllChannels.Count, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ContactPaused));
    }

    [Fact]
    public async Task TooOften_Declined_ChangesNothingElse()
    {
        var cut = await TooOftenAsync("Sms");
        cut.WaitForElement(".feedback-offer");
        var entries = await LedgerEntriesAsync();

        await ClickAsync(Button(cut.Find(".feedback-offer"), "No, thanks"));

        WaitForStatus(cut, "Fine: nothing else changed. You can set how often we contact you below at any time.");
        Assert.Equal(entries, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task NotRelevant_Alone_OffersNothing()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();
        await ChangeAsync(LabelledInput(cut.Find("section.feedback"), "This is not relevant to me"), true);

        await SendAsync(cut);

        WaitForStatus(cut, "Thank you — your feedback was sent.");
        Assert.Empty(cut.FindAll(".feedback-offer"));
    }

    [Fact]
    public async Task SendNothing_IsRefusedWithAMessageByTheBoxes()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await SendAsync(cut);

        cut.WaitForAssertion(() =>
        {
            var boxes = Group(cut, "What would you like to tell us?");
            Assert.Equal("Tick a box or write a comment before sending.", cut.Find($"#{boxes.GetAttribute("aria-describedby")}").TextContent.Trim());
        });
        Assert.Equal("Your feedback was not sent: Tick a box or write a comment before sending.", Status(cut));
        Assert.Equal(0, await FeedbackCountAsync());
        Assert.Equal(0, await LedgerEntriesAsync());
    }

    [Theory]
    [InlineData(501, "Your comment is longer than the limit shown below it. Please shorten it.")]
    [InlineData(0, "Please write your comment as plain text, without markup such as <b> or <a>.")]
    public async Task SendComment_TooLongOrWithMarkup_IsRefusedNextToTheCommentAndKept(int length, string message)
    {
        await SignInCustomerAsync();
        var cut = RenderPage();
        var comment = length > 0 ? new string('a', length) : "<script>alert(1)</script>";

        await WriteCommentAsync(cut, comment);
        await SendAsync(cut);

        cut.WaitForAssertion(() =>
        {
            var field = cut.Find("section.feedback textarea");
            Assert.Equal(message, cut.Find($"#{field.GetAttribute("aria-describedby")}").TextContent.Trim());
            Assert.Equal(comment, field.TextContent);
        });
        Assert.Empty(cut.FindAll("section.feedback script"));
        Assert.Equal(0, await FeedbackCountAsync());
    }
}
