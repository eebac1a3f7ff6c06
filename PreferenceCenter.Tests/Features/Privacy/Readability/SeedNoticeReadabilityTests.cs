using PreferenceCenter.Data;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Privacy.Readability;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Tests.Features.Privacy.Readability;

/// <summary>The notice we ship as the example must itself pass the meter the officer is held to.</summary>
public sealed class SeedNoticeReadabilityTests
{
    private static readonly CatalogDocument Catalog = DevelopmentSeeder.LoadCatalogAsync().GetAwaiter().GetResult();

    public static TheoryData<string> Languages => [.. SupportedCultures.Names];

    [Theory]
    [MemberData(nameof(Languages))]
    public void TheSeedFirstLayer_PassesTheMeter(string language)
    {
        var verdict = FirstLayer.Judge(Catalog).Single(v => v.Language == language);

        Assert.True(verdict.Passes, $"{language}: {verdict.Reading.Formula} {verdict.Reading.Score} over {verdict.Words} words ({verdict.Reading.Counts})");
    }
}
