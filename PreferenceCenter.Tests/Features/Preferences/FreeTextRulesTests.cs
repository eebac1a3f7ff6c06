using PreferenceCenter.Features.Preferences;

namespace PreferenceCenter.Tests.Features.Preferences;

public sealed class FreeTextRulesTests
{
    [Theory]
    [InlineData("<script>alert(1)</script>", true)]
    [InlineData("</p", true)]
    [InlineData("<!-- hidden -->", true)]
    [InlineData("I like < 3 things & > 2", false)]
    [InlineData("5<6", false)]
    public void ContainsMarkup_FindsTagsNotComparisons(string text, bool expected) =>
        Assert.Equal(expected, FreeTextRules.ContainsMarkup(text));
}
