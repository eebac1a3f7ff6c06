using System.Text.RegularExpressions;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed partial class DevelopmentCatalogTests
{
    private static readonly CatalogDocument Catalog = DevelopmentSeeder.LoadCatalogAsync().GetAwaiter().GetResult();

    public static TheoryData<string> Languages => [.. SupportedCultures.Names];

    // The export names the controller from Privacy:Controller; the notice it stands beside must name the same company.
    [Theory]
    [MemberData(nameof(Languages))]
    public void TheNotice_NamesTheConfiguredController(string language)
    {
        var configured = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(PreferenceCenter.Tests.TestHost.RepositoryPaths.App, "appsettings.json")))
            .RootElement.GetProperty("Privacy").GetProperty("Controller").GetProperty("Name").GetString();
        Assert.Equal(new ControllerOptions().Name, configured);
        Assert.Contains(configured!, Catalog.Notice[language].LegalText, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void FirstLayer_ReadsInAboutAMinute_AtMost250WordsPerLanguage(string language)
    {
        var words = Catalog.Purposes.Sum(p => Words(p.Texts[language].Title) + Words(p.Texts[language].Summary));

        Assert.InRange(words, 1, 250);
    }

    [Fact]
    public void TheSeedCatalog_PassesEveryPublishingRule() => Assert.Empty(CatalogRules.Check(Catalog));

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryPurposeAndTheNotice_AreWrittenInEveryLanguage(string language)
    {
        Assert.All(Catalog.Purposes, p => Assert.False(string.IsNullOrWhiteSpace(p.Texts[language].Summary), p.Key));
        Assert.False(string.IsNullOrWhiteSpace(Catalog.Notice[language].LegalText));
    }

    [Fact]
    public void EachSummary_IsOneSentence()
    {
        Assert.All(Catalog.Purposes.SelectMany(p => p.Texts.Values), t =>
            Assert.Single(SentenceEnd().Matches(t.Summary.TrimEnd('.') + ".")));
    }

    private static int Words(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"[.!?](\s|$)")]
    private static partial Regex SentenceEnd();
}
