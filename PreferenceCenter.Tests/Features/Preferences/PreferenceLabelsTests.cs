using System.Globalization;
using System.Resources;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Features.Preferences;

/// <summary>Keys built from enum values cannot be found by the literal-key test, so each value is checked here.</summary>
public sealed class PreferenceLabelsTests
{
    private static readonly ResourceManager Resources = new("PreferenceCenter.Resources.SharedResource", typeof(SharedResource).Assembly);

    public static TheoryData<string> Cultures => new() { "en", "it", "es" };

    private static IEnumerable<string> EnumKeys() =>
        Enum.GetValues<PreferenceProblem>().Select(p => $"PreferenceProblem.{p}")
            .Concat(Enum.GetValues<ContactFrequency>().Select(f => $"Frequency.{f}"))
            .Concat(Enum.GetValues<PauseLength>().Select(l => $"Pause.Length.{l}"));

    [Theory]
    [MemberData(nameof(Cultures))]
    public void EveryPreferenceEnumValue_HasItsOwnTextInEveryLanguage(string culture)
    {
        // English is the neutral set; the others must not fall back to it.
        var set = Resources.GetResourceSet(culture == "en" ? CultureInfo.InvariantCulture : new CultureInfo(culture), createIfNotExists: true, tryParents: false)!;

        var missing = EnumKeys().Where(key => string.IsNullOrWhiteSpace(set.GetString(key))).ToList();

        Assert.True(missing.Count == 0, $"{culture}: no text for " + string.Join(", ", missing));
    }

    [Fact]
    public void EveryProblem_HasADistinctMessage()
    {
        var messages = Enum.GetValues<PreferenceProblem>().Select(p => Resources.GetString($"PreferenceProblem.{p}", CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(messages.Count, messages.Distinct().Count());
    }
}
