using Bunit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents;

public sealed class ConsentMatrixTests : ComponentTestBase
{
    private static readonly IReadOnlyList<PurposeSummary> Purposes =
    [
        new("service", PurposeKind.Service, LegalBasis.Contract, "ReceiptLong", "Service and statistics", "s", "d", "r", null, null, ChannelSet.Email),
        new("marketing", PurposeKind.Marketing, LegalBasis.Consent, "Campaign", "Marketing", "s", "d", "r", null, 24, ChannelSet.Email | ChannelSet.Sms),
        new("sharing-northwind", PurposeKind.Sharing, LegalBasis.Consent, "Share", "Sharing with Northwind Travel", "s", "d", "r", "Northwind Travel S.r.l.", 12, ChannelSet.Phone),
    ];

    private readonly List<ConsentToggle> toggles = [];

    private IRenderedComponent<ConsentMatrix> RenderMatrix(params ConsentCell[] cells) => Render<ConsentMatrix>(p => p
        .Add(x => x.Purposes, Purposes)
        .Add(x => x.Cells, cells.ToDictionary(c => (c.PurposeKey, c.Channel)))
        .Add(x => x.Changed, toggle => toggles.Add(toggle)));

    /// <summary>The switch's accessible name: the text of the element its aria-labelledby points to.</summary>
    private static string AccessibleName(AngleSharp.Dom.IElement input) =>
        input.Closest("label")!.QuerySelector($"[id='{input.GetAttribute("aria-labelledby")}']")!.TextContent;

    [Fact]
    public void Render_ForANewCustomer_HasEverySwitchOff()
    {
        var cut = RenderMatrix();

        var switches = cut.FindAll("input[role=switch]");
        Assert.Equal(3, switches.Count);
        Assert.All(switches, s => Assert.Equal("false", s.GetAttribute("aria-checked")));
    }

    [Fact]
    public void Render_NamesEachSwitchByPurposeAndChannel()
    {
        var cut = RenderMatrix();

        Assert.Equal(
            ["Marketing by email", "Marketing by SMS", "Sharing with Northwind Travel by phone"],
            cut.FindAll("input[role=switch]").Select(AccessibleName));
    }

    [Fact]
    public void Render_GivesNoSwitchWhereAPurposeIsNotOffered_AndNoneForPurposesNotBasedOnConsent()
    {
        var cut = RenderMatrix();

        Assert.DoesNotContain(cut.FindAll("input[role=switch]"), s => AccessibleName(s).Contains("post", StringComparison.Ordinal));
        Assert.Contains("Marketing by post: not offered", cut.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Service and statistics", cut.Find("tbody").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ShowsGrantedConsentsAsOn()
    {
        var cut = RenderMatrix(new ConsentCell("marketing", Channel.Sms, true, DateTimeOffset.UnixEpoch, null, 3));

        var sms = cut.FindAll("input[role=switch]").Single(s => AccessibleName(s) == "Marketing by SMS");
        Assert.Equal("true", sms.GetAttribute("aria-checked"));
    }

    [Fact]
    public void Render_SaysUntilWhenEachConsentThatIsOnLasts()
    {
        var cut = RenderMatrix(
            new ConsentCell("marketing", Channel.Email, true, DateTimeOffset.UnixEpoch, new DateTimeOffset(2028, 11, 23, 10, 14, 0, TimeSpan.Zero), 1),
            new ConsentCell("marketing", Channel.Sms, false, DateTimeOffset.UnixEpoch, null, 2));

        Assert.Equal(["until 23 Nov 2028"], cut.FindAll(".consent-matrix__until").Select(e => e.TextContent));
    }

    [Fact]
    public void Flip_ReportsWhichSwitchToWhatAndTheVersionItShowed()
    {
        var cut = RenderMatrix(new ConsentCell("marketing", Channel.Sms, true, DateTimeOffset.UnixEpoch, null, 3));

        cut.FindAll("input[role=switch]").Single(s => AccessibleName(s) == "Marketing by email").Change(true);
        cut.FindAll("input[role=switch]").Single(s => AccessibleName(s) == "Marketing by SMS").Change(false);

        Assert.Equal(
            [new ConsentToggle("marketing", Channel.Email, true, 0), new ConsentToggle("marketing", Channel.Sms, false, 3)],
            toggles);
    }

    [Fact]
    public void Render_WhenDisabled_DisablesEverySwitch()
    {
        var cut = Render<ConsentMatrix>(p => p.Add(x => x.Purposes, Purposes)
            .Add(x => x.Cells, new Dictionary<(string, Channel), ConsentCell>()).Add(x => x.Disabled, true));

        Assert.All(cut.FindAll("input[role=switch]"), s => Assert.True(s.HasAttribute("disabled")));
    }
}
