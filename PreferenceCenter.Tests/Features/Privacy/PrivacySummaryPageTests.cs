using Bunit;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed class PrivacySummaryPageTests : PageTestBase
{
    [Fact]
    public async Task Render_StatesTheVersionAndDateThenEachPurposeThenTheFullText()
    {
        await SignInCustomerAsync();

        var cut = Render<PrivacySummaryPage>();

        cut.WaitForAssertion(() => Assert.Equal("Notice version 1, published 1 November 2026", cut.Find(".notice-version").TextContent));
        Assert.Equal(["Service", "Marketing", "Profiling"], cut.FindAll(".purpose-card h3").Select(h => h.TextContent));
        Assert.Equal(["Full text.", "Second paragraph."], cut.FindAll(".legal-text p").Select(p => p.TextContent));
    }
}
