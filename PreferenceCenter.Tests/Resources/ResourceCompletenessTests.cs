using System.Text.RegularExpressions;
using System.Xml.Linq;
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
            var other = Load(set, suffix);
            Assert.Empty(english.Keys.Except(other.Keys));
            Assert.Empty(other.Keys.Except(english.Keys));
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

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    // T["Some.Key"] or text["Some.Key", …] with a plain string literal (interpolated keys are checked by the enum tests).
    [GeneratedRegex(@"\b(?:T|text)\[""([A-Za-z0-9_.]+)""\s*[\],]")]
    private static partial Regex LiteralKey();
}
