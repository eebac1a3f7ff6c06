using Bunit;
using PreferenceCenter.Features.Privacy.Editor;
using PreferenceCenter.Features.Privacy.Readability;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy.Editor;

public sealed class ReadabilityMeterViewTests : ComponentTestBase
{
    [Fact]
    public void Meter_ShowsWordsReadingTimeScoreAndAVerdictInWords()
    {
        // The hand-computed Italian reference of ReadabilityFormulasTests: 11 words, Gulpease 101.7.
        var cut = Render<ReadabilityMeterView>(p => p
            .Add(x => x.Text, "Usiamo la tua email per inviarti offerte. Puoi dire di no.").Add(x => x.Language, "it").Add(x => x.Label, "Italian summary"));

        Assert.Equal("Words: 11 · Reading time: about 4 s · Gulpease: 101.7", cut.Find(".readability-meter__figures").TextContent.Trim());
        Assert.Equal("Passes: plain enough (60 or more)", cut.Find(".readability-meter__verdict").TextContent.Trim());
        Assert.Equal("Italian summary", cut.Find("[role=progressbar]").GetAttribute("aria-label"));
    }

    [Fact]
    public void Meter_FollowsTheText_WhenItChanges()
    {
        var cut = Render<ReadabilityMeterView>(p => p.Add(x => x.Text, "We send you offers by email.").Add(x => x.Language, "en").Add(x => x.Label, "English summary"));

        cut.Render(p => p.Add(x => x.Text, "Notwithstanding contractual obligations, personal information is systematically processed for administrative communications."));

        Assert.Equal("Fails: hard to read (under 60)", cut.Find(".readability-meter__verdict").TextContent.Trim());
        Assert.Contains("readability-meter--fails", cut.Find(".readability-meter").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Meter_ForAFirstLayerOver250Words_SaysItIsTooLong()
    {
        var verdict = FirstLayer.Judge("en", Enumerable.Range(0, 23).Select(_ => ("Offers", "We send you offers by email. You can stop them.")));

        var cut = Render<ReadabilityMeterView>(p => p.Add(x => x.Verdict, verdict).Add(x => x.Language, "en").Add(x => x.Label, "First layer"));

        Assert.StartsWith("Words: 253 · Reading time: about 76 s", cut.Find(".readability-meter__figures").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("Fails: over 250 words", cut.Find(".readability-meter__verdict").TextContent.Trim());
    }
}
