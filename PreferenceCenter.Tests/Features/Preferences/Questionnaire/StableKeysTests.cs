using PreferenceCenter.Features.Preferences.Questionnaire;

namespace PreferenceCenter.Tests.Features.Preferences.Questionnaire;

public sealed class StableKeysTests
{
    [Theory]
    [InlineData("Which store do you usually visit?", "which-store-do-you-usually-visit")]
    [InlineData("Milán, Gran Vía", "milan-gran-via")]
    [InlineData("???", "question")]
    [InlineData("What clothing size do you usually wear, in Europe?", "what-clothing-size-do-you-usually")]
    public void From_MakesAShortReadableKey(string english, string expected) =>
        Assert.Equal(expected, StableKeys.From(english, new HashSet<string>(), "question"));

    [Fact]
    public void From_ATakenKey_GetsANumber() =>
        Assert.Equal("travel-3", StableKeys.From("Travel", new HashSet<string> { "travel", "travel-2" }, "option"));
}
