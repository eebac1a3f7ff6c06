using System.Text.RegularExpressions;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests;

/// <summary>The README's layout tree is the newcomer's map: every entry in it exists, and every app folder is in it.</summary>
public sealed partial class ReadmeLayoutTests
{
    private static readonly string Tree = ReadTree();

    [Fact]
    public void Every_entry_in_the_tree_exists()
    {
        var missing = Entries().Where(path => !Directory.Exists(Path.Combine(RepositoryPaths.Root, path))
            && !File.Exists(Path.Combine(RepositoryPaths.Root, path))).ToList();

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("PreferenceCenter/Features")]
    [InlineData("PreferenceCenter/Infrastructure")]
    public void Every_folder_of_the_app_is_named_in_the_tree(string under)
    {
        var unnamed = Directory.EnumerateDirectories(Path.Combine(RepositoryPaths.Root, under), "*", SearchOption.AllDirectories)
            .Select(Path.GetFileName)
            .Where(name => !Tree.Contains($"{name}/", StringComparison.Ordinal))
            .ToList();

        Assert.Empty(unnamed);
    }

    // Paths from the tree's indentation: two spaces a level, a name ending in '/' opens a folder.
    private static IEnumerable<string> Entries()
    {
        var parents = new List<string>();
        foreach (var line in Tree.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var match = EntryPattern().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var depth = match.Groups["indent"].Length / 2;
            parents.RemoveRange(depth, parents.Count - depth);
            var name = match.Groups["name"].Value;
            yield return string.Join('/', parents.Append(name.TrimEnd('/')));
            if (name.EndsWith('/'))
            {
                parents.Add(name.TrimEnd('/'));
            }
        }
    }

    private static string ReadTree()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));
        var layout = readme.IndexOf("## Layout", StringComparison.Ordinal);
        var start = readme.IndexOf("```", layout, StringComparison.Ordinal) + 3;
        return readme[start..readme.IndexOf("```", start, StringComparison.Ordinal)];
    }

    [GeneratedRegex(@"^(?<indent>( {2})*)(?<name>[\w.\-]+/?)\s")]
    private static partial Regex EntryPattern();
}
