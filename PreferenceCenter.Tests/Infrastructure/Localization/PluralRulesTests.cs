using System.Globalization;
using PreferenceCenter.Infrastructure.Localization;

namespace PreferenceCenter.Tests.Infrastructure.Localization;

/// <summary>The samples are CLDR's own (plurals.xml, "@integer" lists) for en, it and es.</summary>
public sealed class PluralRulesTests
{
    [Theory]
    [InlineData("en", 1, PluralCategory.One)]
    [InlineData("en", 0, PluralCategory.Other)]
    [InlineData("en", 2, PluralCategory.Other)]
    [InlineData("en", 21, PluralCategory.Other)]
    [InlineData("en", 1_000_000, PluralCategory.Other)]
    [InlineData("en", -1, PluralCategory.One)]
    [InlineData("it", 1, PluralCategory.One)]
    [InlineData("it", 0, PluralCategory.Other)]
    [InlineData("it", 11, PluralCategory.Other)]
    [InlineData("it", 1_000_000, PluralCategory.Many)]
    [InlineData("it", 3_000_000, PluralCategory.Many)]
    [InlineData("it", 1_000_001, PluralCategory.Other)]
    [InlineData("it", 100_000, PluralCategory.Other)]
    [InlineData("es", 1, PluralCategory.One)]
    [InlineData("es", 0, PluralCategory.Other)]
    [InlineData("es", 101, PluralCategory.Other)]
    [InlineData("es", 1_000_000, PluralCategory.Many)]
    [InlineData("es", 2_000_000_000, PluralCategory.Many)]
    [InlineData("es", 1_500_000, PluralCategory.Other)]
    public void Select_FollowsCldrForWholeNumbers(string language, long count, PluralCategory expected) =>
        Assert.Equal(expected, PluralRules.Select(CultureInfo.GetCultureInfo(language), count));

    [Fact]
    public void Select_ReadsTheLanguageNotTheRegion() =>
        Assert.Equal(PluralCategory.Many, PluralRules.Select(CultureInfo.GetCultureInfo("es-MX"), 1_000_000));

    [Theory]
    [InlineData("en", "one,other")]
    [InlineData("it", "one,many,other")]
    [InlineData("es", "one,many,other")]
    public void Categories_AreTheLanguagesOwn(string language, string expected) =>
        Assert.Equal(expected, string.Join(',', PluralRules.Categories(CultureInfo.GetCultureInfo(language)).Select(PluralRules.KeySuffix)));
}
