using PreferenceCenter.Features.Privacy.Readability;

namespace PreferenceCenter.Tests.Features.Privacy.Readability;

public sealed class FirstLayerTests
{
    [Fact]
    public void Judge_WhenPlainAndShort_Passes()
    {
        var verdict = FirstLayer.Judge("en", [("Marketing", "We send you offers by email"), ("Service", "We use your order to deliver it.")]);

        Assert.True(verdict.Passes);
        Assert.Equal((2, 15), (verdict.Reading.Counts.Sentences, verdict.Words)); // a summary without its full stop still ends a sentence
    }

    [Fact]
    public void Judge_WhenOver250Words_FailsHoweverPlain()
    {
        var purposes = Enumerable.Range(0, 23).Select(_ => ("Offers", "We send you offers by email. You can stop them."));

        var verdict = FirstLayer.Judge("en", purposes);

        Assert.Equal(253, verdict.Words);
        Assert.True(verdict.Reading.ScorePasses);
        Assert.True(verdict.TooLong);
        Assert.False(verdict.Passes);
    }

    [Theory]
    [InlineData("en", "Notwithstanding contractual obligations, personal information is systematically processed for administrative, organisational and promotional communications.")]
    [InlineData("it", "Indipendentemente dagli obblighi contrattuali, trattiamo sistematicamente informazioni personali per comunicazioni amministrative, organizzative e promozionali.")]
    [InlineData("es", "Independientemente de las obligaciones contractuales, tratamos sistemáticamente información personal para comunicaciones administrativas, organizativas y promocionales.")]
    public void Judge_WhenScoringUnder60_Fails(string language, string summary)
    {
        var verdict = FirstLayer.Judge(language, [("Title", summary)]);

        Assert.True(verdict.Reading.Score < ReadabilityMeter.MinScore, $"{verdict.Reading.Score}");
        Assert.False(verdict.TooLong);
        Assert.False(verdict.Passes);
    }
}
