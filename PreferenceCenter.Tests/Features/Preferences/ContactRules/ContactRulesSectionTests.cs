using Bunit;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

public sealed class ContactRulesSectionTests : PreferencesPageSectionTests
{
    private static AngleSharp.Dom.IElement Labelled(IRenderedComponent<PreferencesPanel> cut, string label) =>
        cut.Find($"#{cut.FindAll("label").Single(l => l.TextContent.Trim() == label).GetAttribute("for")}");

    private static async Task PauseUntilAsync(IRenderedComponent<PreferencesPanel> cut, string isoDate)
    {
        await ClickAsync(LabelledInput(Group(cut, "For how long"), "Until a date I pick"));
        await ChangeAsync(Labelled(cut, "Contact may resume on"), isoDate);
        await ClickAsync(Button(Group(cut, "Pause everything for a while"), "Pause"));
    }

    [Fact]
    public async Task Render_LabelsEachFrequencyWithItsChannel_AndSaysWhatStillArrives()
    {
        await SignInCustomerAsync();

        var cut = RenderPage();

        var frequencies = Group(cut, "At most how often, per channel");
        Assert.Equal(["Email", "SMS", "Phone", "Push", "Post"], frequencies.QuerySelectorAll("label").Select(l => l.TextContent.Trim()));
        Assert.Equal("AsItHappens", Labelled(cut, "Email").GetAttribute("value"));
        Assert.Contains("Messages about your orders and your account still arrive.", cut.Find("section.contact-rules").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChooseFrequency_SavesItOnChange()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await ChangeAsync(Labelled(cut, "SMS"), "WeeklyDigest");

        WaitForStatus(cut, "SMS: Weekly digest — recorded 23 Nov 2026, 10:14 UTC.");
        Assert.Equal(ContactFrequency.WeeklyDigest, (await ContactRules.GetAsync(CustomerId))[Channel.Sms].Frequency);
        Assert.Equal("WeeklyDigest", Labelled(cut, "SMS").GetAttribute("value"));
    }

    [Fact]
    public async Task ChooseFrequency_WhenAnotherWindowChangedItMeanwhile_ShowsTheirsAndOverwritesNothing()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();
        await ContactRules.SetFrequencyAsync(
            CustomerId, Channel.Email, ContactFrequency.Monthly, ContactFrequency.AsItHappens, Actor.Customer(CustomerId), ChangeSource.Web);

        await ChangeAsync(Labelled(cut, "Email"), "NeverForMarketing");

        WaitForStatus(cut, "Email was changed in another window meanwhile and is now “Once a month”. Nothing was overwritten; choose again if you still want it changed.");
        Assert.Equal(ContactFrequency.Monthly, (await ContactRules.GetAsync(CustomerId))[Channel.Email].Frequency);
        Assert.Equal("Monthly", Labelled(cut, "Email").GetAttribute("value"));
    }

    [Fact]
    public async Task PauseOneChannelForAMonth_ShowsItInTheBannerWithItsEnd()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await ChangeAsync(Labelled(cut, "Which channels"), "Email");
        await ClickAsync(LabelledInput(Group(cut, "For how long"), "One month"));
        await ClickAsync(Button(Group(cut, "Pause everything for a while"), "Pause"));

        WaitForStatus(cut, "Pause set: email until 23 Dec 2026, 10:14 UTC.");
        Assert.Equal("Email is paused until 23 Dec 2026, 10:14 UTC.", cut.Find(".pause-banner__text").TextContent.Trim());
        var rules = await ContactRules.GetAsync(CustomerId);
        Assert.Equal(Now.AddMonths(1), rules[Channel.Email].PausedUntil);
        Assert.Null(rules[Channel.Sms].PausedUntil);
    }

    [Fact]
    public async Task PauseUntilAPickedDate_EndsAtTheStartOfThatDay()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await PauseUntilAsync(cut, "2027-01-10");

        WaitForStatus(cut, "Pause set: all channels until 10 Jan 2027, 00:00 UTC.");
        Assert.Equal("All channels are paused until 10 Jan 2027, 00:00 UTC.", cut.Find(".pause-banner__text").TextContent.Trim());
        Assert.All((await ContactRules.GetAsync(CustomerId)).Values, r => Assert.Equal(new DateTimeOffset(2027, 1, 10, 0, 0, 0, TimeSpan.Zero), r.PausedUntil));
    }

    [Theory]
    [InlineData("2026-11-23", "That day is not in the future. Pick a day from tomorrow on.")]
    [InlineData("2026-11-01", "That day is not in the future. Pick a day from tomorrow on.")]
    [InlineData("2027-11-24", "That is more than a year ahead. Pick a day within a year from today.")]
    public async Task PauseUntilADate_OutsideTomorrowToAYear_SaysSoNextToTheDateAndWritesNothing(string isoDate, string message)
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await PauseUntilAsync(cut, isoDate);

        cut.WaitForAssertion(() =>
        {
            var date = Labelled(cut, "Contact may resume on");
            Assert.Equal("true", date.GetAttribute("aria-invalid"));
            Assert.Equal(message, cut.Find($"#{date.GetAttribute("aria-describedby")!.Split(' ')[0]}").TextContent.Trim());
        });
        Assert.Equal($"The pause was not set: {message}", Status(cut));
        Assert.Empty(cut.FindAll(".pause-banner"));
        Assert.All((await ContactRules.GetAsync(CustomerId)).Values, r => Assert.Null(r.PausedUntil));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.ContactRules.CountAsync());
        Assert.Equal(0, await LedgerEntriesAsync());
    }

    [Fact]
    public async Task PauseUntilADate_WithNoDate_AsksForOne()
    {
        await SignInCustomerAsync();
        var cut = RenderPage();

        await ClickAsync(LabelledInput(Group(cut, "For how long"), "Until a date I pick"));
        await ClickAsync(Button(Group(cut, "Pause everything for a while"), "Pause"));

        cut.WaitForAssertion(() => Assert.Equal("Pick the day we may contact you again.", cut.Find(".pause-form .field-problem").TextContent.Trim()));
        Assert.Equal(0, await LedgerEntriesAsync());
    }
}
