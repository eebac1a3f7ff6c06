using Bunit;
using PreferenceCenter.Features.Consents.Gpc;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Gpc;

public sealed class GlobalPrivacyControlNoticeTests : ComponentTestBase
{
    private static readonly DateTimeOffset Honoured = new(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void While_the_signals_choice_stands_it_says_what_we_did_and_how_to_share_again()
    {
        var cut = Render<GlobalPrivacyControlNotice>(p => p.Add(c => c.Status, new GlobalPrivacyControlStatus(Honoured, null)));

        Assert.Equal(
            "Your browser asked us not to share your data with partners; we did that. If you do want to share with a partner, "
            + "turn its switch on below: we will record that as your own choice, over your browser's signal.",
            cut.Find(".gpc-notice").TextContent.Trim());
    }

    [Fact]
    public void Without_a_signal_or_after_the_customer_chose_to_share_again_it_shows_nothing()
    {
        Assert.Empty(Render<GlobalPrivacyControlNotice>(p => p.Add(c => c.Status, null)).FindAll(".gpc-notice"));
        Assert.Empty(Render<GlobalPrivacyControlNotice>(p => p.Add(c => c.Status, new GlobalPrivacyControlStatus(Honoured, Honoured.AddDays(1)))).FindAll(".gpc-notice"));
    }
}
