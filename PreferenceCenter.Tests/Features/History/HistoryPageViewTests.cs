using Bunit;
using PreferenceCenter.Components.Common;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.History;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.History;

public sealed class HistoryPageViewTests : PageTestBase
{
    [Fact]
    public async Task Render_ListsTheCustomersOwnChangesNewestFirstWithTheirUtcTime()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: true));
        Clock.Advance(TimeSpan.FromMinutes(5));
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: false, expectedVersion: 1));

        var cut = Render<HistoryPageView>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".history-list li").Count));
        Assert.Equal(
            ["You turned off Marketing by SMS", "You turned on Marketing by SMS"],
            cut.FindAll(".history-list__what").Select(e => e.TextContent));
        Assert.Equal("2026-11-23T10:19:00.0000000+00:00", cut.Find("time").GetAttribute("datetime"));
        Assert.Equal("23 Nov 2026, 10:19 UTC", cut.Find("time").TextContent);
    }

    [Fact]
    public async Task Render_WithTheReadersTimeZone_ShowsTimesOnTheirClock()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: true));

        var cut = Render<HistoryPageView>(p => p.AddCascadingValue(ReaderTimeZone.From("America/New_York")));

        cut.WaitForAssertion(() => Assert.Equal("23 Nov 2026, 05:14", cut.Find("time").TextContent));
        Assert.Equal("2026-11-23T10:14:00.0000000+00:00", cut.Find("time").GetAttribute("datetime"));
    }

    [Fact]
    public async Task Render_ShowsTwentyAPageAndPagesToOlderEntries()
    {
        await SignInCustomerAsync();
        for (var i = 0; i < 21; i++)
        {
            await Consents.SetAsync(Change("marketing", Channel.Sms, grant: i % 2 == 0, expectedVersion: i));
        }

        var cut = Render<HistoryPageView>();
        cut.WaitForAssertion(() => Assert.Equal(20, cut.FindAll(".history-list li").Count));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Older").Click();

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".history-list li")));
        Assert.Equal("You turned on Marketing by SMS", cut.Find(".history-list__what").TextContent);
        Assert.Contains("Page 2 of 2", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NeverShowsAnotherCustomersEntries()
    {
        await SignInCustomerAsync();
        await using (var db = Database.CreateDbContext())
        {
            var other = await CatalogBuilder.AddCustomerAsync(db);
            await Consents.SetAsync(new ConsentChange(other, "marketing", Channel.Email, true, 0, Actor.Customer(other), ChangeSource.Web));
        }

        var cut = Render<HistoryPageView>();

        cut.WaitForAssertion(() => Assert.Equal("Nothing has been recorded yet.", cut.Find("p:not(.lead-text)").TextContent));
    }
}
