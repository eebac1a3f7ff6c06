using Bunit;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed class LegalTextViewTests : ComponentTestBase
{
    [Fact]
    public void Render_KeepsEveryWordAndTurnsEachSectionsFirstLineIntoItsHeading()
    {
        var cut = Render<LegalTextView>(p => p
            .Add(x => x.Title, "Privacy notice")
            .Add(x => x.Text, "Preamble in one line.\n\n1. Who we are\nExample Retail S.p.A.\nVia Roma 1.\n\n2. Your rights\nYou may complain."));

        Assert.Equal("Privacy notice", cut.Find("h3").TextContent);
        Assert.Equal(["1. Who we are", "2. Your rights"], cut.FindAll("h4").Select(h => h.TextContent));
        Assert.Equal(["Preamble in one line.", "Example Retail S.p.A.\nVia Roma 1.", "You may complain."], cut.FindAll("p").Select(p => p.TextContent));
    }
}
