using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using PreferenceCenter.Infrastructure.Localization;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Resources;

public sealed partial class ResourceCompletenessTests
{
    public static TheoryData<string> ResourceSets => new() { "SharedResource", "AccountResource" };

    private static Dictionary<string, string> Load(string set, string suffix) =>
        XDocument.Load(Path.Combine(RepositoryPaths.App, "Resources", $"{set}{suffix}.resx"))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void EveryLanguage_HasExactlyTheEnglishKeys_WithNoEmptyText(string set)
    {
        var english = Load(set, "");
        foreach (var suffix in new[] { ".it", ".es" })
        {
            // Italian and Spanish have a plural form English lacks ("many": 1.000.000 di mesi), checked below.
            var other = Load(set, suffix);
            Assert.Empty(english.Keys.Except(other.Keys));
            Assert.Empty(other.Keys.Where(k => !k.EndsWith(".many", StringComparison.Ordinal)).Except(english.Keys));
            Assert.DoesNotContain(other, kv => string.IsNullOrWhiteSpace(kv.Value));
        }
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void EveryLanguage_KeepsTheSamePlaceholders(string set)
    {
        var english = Load(set, "");
        foreach (var suffix in new[] { ".it", ".es" })
        {
            var other = Load(set, suffix);
            Assert.All(english, kv => Assert.True(
                Placeholders(kv.Value).SetEquals(Placeholders(other[kv.Key])), $"{set}{suffix}: '{kv.Key}' has different {{n}} placeholders."));
        }
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void EveryPluralText_HasExactlyTheFormsItsLanguageUses(string set)
    {
        foreach (var (suffix, culture) in new[] { ("", "en"), (".it", "it"), (".es", "es") })
        {
            var keys = Load(set, suffix).Keys.ToHashSet();
            var forms = PluralRules.Categories(CultureInfo.GetCultureInfo(culture)).Select(PluralRules.KeySuffix).ToList();
            // A plural text is one with a "one" form ("History.UnsubscribeReason.other" is a reason, not a plural).
            var plurals = keys.Where(k => k.EndsWith(".one", StringComparison.Ordinal)).Select(k => k[..^".one".Length]).ToHashSet();
            Assert.NotEmpty(plurals);
            Assert.All(plurals, key => Assert.All(forms, form => Assert.True(keys.Contains($"{key}.{form}"), $"{set}{suffix}: '{key}' lacks its '{form}' form.")));
            Assert.All(keys.Where(k => k.EndsWith(".many", StringComparison.Ordinal)), k =>
                Assert.True(forms.Contains("many") && plurals.Contains(k[..^".many".Length]), $"{set}{suffix}: '{k}' is a form the language does not use."));
        }
    }

    [Theory]
    [MemberData(nameof(ResourceSets))]
    public void NoText_WritesAPluralWithBracketsOrSlashes(string set)
    {
        foreach (var suffix in new[] { "", ".it", ".es" })
        {
            Assert.All(Load(set, suffix), kv => Assert.False(MakeshiftPlural().IsMatch(kv.Value), $"{set}{suffix}: '{kv.Key}' reads '{kv.Value}'; use PluralText."));
        }
    }

    [Fact]
    public void EveryPluralKeyUsedInTheApp_ExistsInTheResources()
    {
        var keys = Load("SharedResource", "").Keys.Concat(Load("AccountResource", "").Keys).ToHashSet();
        var missing = AppSources()
            .SelectMany(f => PluralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(x => !keys.Contains(x.Key + ".one") || !keys.Contains(x.Key + ".other"))
            .Select(x => $"{x.File}: {x.Key}")
            .ToList();

        Assert.True(missing.Count == 0, "Plural keys used but without their forms: " + string.Join(", ", missing));
    }

    private static IEnumerable<string> AppSources() =>
        Directory.EnumerateFiles(RepositoryPaths.App, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [Fact]
    public void EveryLiteralKeyUsedInTheApp_ExistsInTheResources()
    {
        var keys = Load("SharedResource", "").Keys.Concat(Load("AccountResource", "").Keys).ToHashSet();
        var files = Directory.EnumerateFiles(RepositoryPaths.App, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        var missing = files
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups[1].Value)))
            .Where(x => !keys.Contains(x.Key))
            .Select(x => $"{x.File}: {x.Key}")
            .ToList();

        Assert.True(missing.Count == 0, "Keys used but not defined: " + string.Join(", ", missing));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    // "day(s)", "mes(es)", "mese/i", "ora/e": a count glued to both forms at once.
    [GeneratedRegex(@"\w\((s|es)\)|\w/(i|e|s|es|a)\b")]
    private static partial Regex MakeshiftPlural();

    // T.Plural("Some.Key", …) or text.Plural("Some.Key", …).
    [GeneratedRegex(@"\b(?:T|text)\.Plural\(""([A-Za-z0-9_.]+)""")]
    private static partial Regex PluralKey();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // T["Some.Key"] or text["Some.Key", …] with a plain string literal (interpolated keys are checked by the enum tests).
    [GeneratedRegex(@"\b(?:T|text)\[""([A-Za-z0-9_.]+)""\s*[\],]")]
    private static partial Regex LiteralKey();
}
