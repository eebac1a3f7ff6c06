using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;

namespace PreferenceCenter.Tests.Features.Preferences.Feedback;

public sealed class FeedbackSectionTests : PreferencesPageSectionTests
{
    private static Task WriteCommentAsync(IRenderedComponent<PreferencesPage> cut, string text) =>
        cut.Find("section.feedback textarea").InputAsync(new ChangeEventArgs { Value = text });

    private static Task SendAsync(IRenderedComponent<PreferencesPage> cut) => ClickAsync(Button(cut.Find("section.feedback"), "Send feedback"));

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

        WaitForStatus(cut, "Thank you — your feedback was sent.");
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
