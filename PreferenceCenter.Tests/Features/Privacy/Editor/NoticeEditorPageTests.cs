using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Editor;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy.Editor;

/// <summary>
/// The editor over the test catalog (English texts only: "About marketing." scores far under 60 on Flesch, and Spanish
/// readers fall back to the same English words; Gulpease, counting letters, finds them short enough).
/// </summary>
public sealed class NoticeEditorPageTests : PageTestBase
{
    private const string Plain = "We send you offers by email. You can stop them at any time.";

    private async Task<IRenderedComponent<NoticeEditorPage>> OpenAsync()
    {
        Services.AddSingleton<CatalogPublisher>();
        Services.AddSingleton<NoticeDraftService>();
        await SignInOfficerAsync();
        var cut = Render<NoticeEditorPage>();
        WaitUntilLoaded(cut);
        cut.WaitForElement("#marketing-en-Summary");
        return cut;
    }

    [Fact]
    public async Task SummaryMeter_FollowsTheTyping_FromFailsToPasses_AndTheDiffShowsTheChange()
    {
        var cut = await OpenAsync();
        Assert.Equal("Fails: hard to read (under 60)", cut.Find("#marketing-en-Summary-meter .readability-meter__verdict").TextContent.Trim());

        cut.Find("#marketing-en-Summary").Input(Plain);

        cut.WaitForAssertion(() => Assert.Equal("Passes: plain enough (60 or more)", cut.Find("#marketing-en-Summary-meter .readability-meter__verdict").TextContent.Trim()));
        Assert.Equal("Words: 13 · Reading time: about 4 s · Flesch: 96.1", cut.Find("#marketing-en-Summary-meter .readability-meter__figures").TextContent.Trim());
        var diff = cut.Find("#marketing-en-Summary").Closest(".notice-field")!.QuerySelector(".notice-diff")!;
        Assert.StartsWith("Changed from version 1:", diff.TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("removed: About marketing.", diff.QuerySelector("del")!.TextContent);
        Assert.Equal("added: " + Plain, diff.QuerySelector("ins")!.TextContent);
        // The English first layer (all summaries together) follows too: "About service." and "About profiling." no longer drag it under 60.
        Assert.Contains("Passes", cut.Find("#first-layer-en").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveDraft_KeepsItAndSaysSo()
    {
        var cut = await OpenAsync();
        cut.Find("#marketing-en-Summary").Input(Plain);

        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save draft").Click();

        cut.WaitForAssertion(() => Assert.Equal("Draft saved (revision 1).", cut.Find("[role=status]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Contains(Plain, (await db.NoticeDrafts.SingleAsync()).Content, StringComparison.Ordinal);
        Assert.Equal(LedgerEventType.NoticeDraftSaved, (await db.LedgerEntries.SingleAsync()).EventType);
    }

    [Fact]
    public async Task Publish_WhileTheMeterFails_IsRefusedUntilAReasonIsGiven_ThenPublishesVersionTwo()
    {
        var cut = await OpenAsync();
        cut.Find("#publish-note").Input("Marketing summary rewritten.");
        var publish = () => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Publish version 2").Click();

        publish();

        cut.WaitForAssertion(() => Assert.Equal(
            "Not published: the first layer fails the readability meter in English, Español. Make it plainer, or record why it must be published as it is.",
            cut.Find("[role=status]").TextContent.Trim()));
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(1, await db.NoticeVersions.CountAsync());
        }

        cut.Find("#publish-override").Input("Test catalog: summaries are placeholders.");
        publish();

        cut.WaitForAssertion(() => Assert.Equal("Version 2 is published. Customers see it now.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Contains("Publish version 3", cut.Markup, StringComparison.Ordinal);
        await using var read = Database.CreateDbContext();
        Assert.Equal(2, await read.NoticeVersions.CountAsync());
        Assert.Equal(
            [LedgerEventType.NoticePublished, LedgerEventType.NoticeReadabilityOverridden],
            await read.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync());
    }

    [Fact]
    public async Task Preview_ShowsTheDraftAsCustomersWillReadIt()
    {
        var cut = await OpenAsync();

        cut.Find("#marketing-en-Summary").Input(Plain);

        cut.WaitForAssertion(() => Assert.Contains(Plain,
            cut.FindAll(".notice-preview .purpose-card__summary").Select(s => s.TextContent)));
    }
}
