using Bunit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed class PurposeSummaryCardTests : ComponentTestBase
{
    private static readonly PurposeSummary Sharing = new(
        "sharing-northwind", PurposeKind.Sharing, LegalBasis.Consent, "Share", "Sharing with Northwind Travel",
        "Only if you agree, we give your name to Northwind Travel.", "Name and email.", "12 months.", "Northwind Travel S.r.l.", 12,
        ChannelSet.Email | ChannelSet.Phone);

    [Fact]
    public void FirstLayer_ShowsIconTitleOneSentenceAndLegalBasis()
    {
        var cut = Render<PurposeSummaryCard>(p => p.Add(x => x.Purpose, Sharing));

        Assert.NotNull(cut.Find("svg[aria-hidden=true]"));
        Assert.Equal("Sharing with Northwind Travel", cut.Find("h3").TextContent);
        Assert.Equal("Only if you agree, we give your name to Northwind Travel.", cut.Find(".purpose-card__summary").TextContent);
        Assert.Equal("Your consent", cut.Find(".legal-basis").TextContent);
    }

    [Fact]
    public void SecondLayer_IsCollapsedAndHoldsDataRetentionRecipientChannelsAndHowToWithdraw()
    {
        var cut = Render<PurposeSummaryCard>(p => p.Add(x => x.Purpose, Sharing));

        var details = cut.Find("details");
        Assert.False(details.HasAttribute("open"));
        Assert.Equal("Details: Sharing with Northwind Travel", cut.Find("summary").TextContent);
        Assert.Equal(
            ["Data used", "Legal basis", "How long", "Who receives it", "Channels", "How to withdraw"],
            cut.FindAll("dt").Select(d => d.TextContent));
        var values = cut.FindAll("dd").Select(d => d.TextContent).ToList();
        Assert.Contains("Northwind Travel S.r.l.", values);
        Assert.Contains("Email, Phone", values);
        Assert.Contains("12 months.", values);
    }

    [Fact]
    public void SecondLayer_NamesThePartnersCountry_AndLinksItsPrivacyPolicy()
    {
        var cut = Render<PurposeSummaryCard>(p => p.Add(x => x.Purpose,
            Sharing with { RecipientCountry = "IT", RecipientPrivacyPolicy = new Uri("https://northwind.example/privacy") }));

        var who = cut.FindAll("dd")[3];
        Assert.StartsWith($"Northwind Travel S.r.l., established in {new System.Globalization.RegionInfo("IT").DisplayName}.", who.TextContent.Trim(), StringComparison.Ordinal);
        var link = who.QuerySelector("a")!;
        Assert.Equal(("https://northwind.example/privacy", "Privacy policy of Northwind Travel S.r.l."), (link.GetAttribute("href"), link.TextContent));
    }

    [Fact]
    public void SecondLayer_ForAPurposeNotBasedOnConsent_SaysOnlyWeReceiveItAndOffersNoWithdrawal()
    {
        var service = Sharing with { Key = "service", LegalBasis = LegalBasis.Contract, RecipientName = null };

        var cut = Render<PurposeSummaryCard>(p => p.Add(x => x.Purpose, service));

        Assert.Contains("Only us and the processors who work for us", cut.FindAll("dd").Select(d => d.TextContent));
        Assert.DoesNotContain("How to withdraw", cut.FindAll("dt").Select(d => d.TextContent));
    }

    [Fact]
    public void SecondLayer_SaysWhatHappensIfYouSayNo_WhenTheNoticeSaysIt()
    {
        var cut = Render<PurposeSummaryCard>(p => p.Add(x => x.Purpose, Sharing with { IfYouSayNo = "We share nothing with Northwind Travel." }));

        var terms = cut.FindAll("dt").Select(d => d.TextContent).ToList();
        var index = terms.IndexOf("If you say no");
        Assert.True(index >= 0, string.Join(", ", terms));
        Assert.Equal("We share nothing with Northwind Travel.", cut.FindAll("dd")[index].TextContent);
    }
}
