using Bunit;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Preferences;

namespace PreferenceCenter.Tests.Features.Preferences.ContactRules;

public sealed class PauseBannerTests : PreferencesPageSectionTests
{
    private Task<PreferenceChangeResult> PauseAsync(DateTimeOffset until, params Channel[] channels) =>
        ContactRules.PauseAsync(CustomerId, channels, until, Actor.Customer(CustomerId), ChangeSource.Web);

    [Fact]
    public async Task Render_WithoutPauses_ShowsNoBanner()
    {
        await SignInCustomerAsync();

        var cut = RenderPage();

        Assert.Empty(cut.FindAll(".pause-banner"));
    }

    [Fact]
    public async Task Render_ShowsEachPauseWithItsEnd_SoonestFirst()
    {
        await SignInCustomerAsync();
        await PauseAsync(Now.AddDays(7), Channel.Email);
        await PauseAsync(Now.AddDays(3), Channel.Sms, Channel.Post);

        var cut = RenderPage();

        Assert.Equal(
            ["These channels are paused until 26 Nov 2026, 10:14 UTC: SMS, post.", "Email is paused until 30 Nov 2026, 10:14 UTC."],
            cut.FindAll(".pause-banner__text").Select(p => p.TextContent.Trim()));
        // The banner sits at the top, before the consent matrix.
        Assert.True(cut.Find(".pause-banner").CompareDocumentPosition(cut.Find("table.consent-matrix")).HasFlag(AngleSharp.Dom.DocumentPositions.Following));
    }

    [Fact]
    public async Task LiftPause_LiftsItAndSaysSo()
    {
        await SignInCustomerAsync();
        await PauseAsync(Now.AddMonths(1), [.. ChannelSetExtensions.AllChannels]);
        var cut = RenderPage();
        Assert.Equal("All channels are paused until 23 Dec 2026, 10:14 UTC.", cut.Find(".pause-banner__text").TextContent.Trim());

        await ClickAsync(Button(cut.Find(".pause-banner"), "Lift pause"));

        WaitForStatus(cut, "Pause lifted for all channels.");
        Assert.Empty(cut.FindAll(".pause-banner"));
        Assert.All((await ContactRules.GetAsync(CustomerId)).Values, r => Assert.Null(r.PausedUntil));
    }

    [Fact]
    public async Task LiftPause_WhenItWasLiftedElsewhere_SaysItHadEndedAndClearsTheBanner()
    {
        await SignInCustomerAsync();
        await PauseAsync(Now.AddDays(7), Channel.Email);
        var cut = RenderPage();
        await ContactRules.LiftPauseAsync(CustomerId, [Channel.Email], Actor.Customer(CustomerId), ChangeSource.Web);

        await ClickAsync(Button(cut.Find(".pause-banner"), "Lift pause"));

        WaitForStatus(cut, "That pause had already ended.");
        Assert.Empty(cut.FindAll(".pause-banner"));
    }
}
