using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests;

/// <summary>
/// A merge left half-resolved reads as nonsense in the README or fails to build somewhere else: no text file of the
/// repository carries a merge-conflict marker at the start of a line.
/// </summary>
public sealed class ConflictMarkerTests
{
    private static readonly string[] TextFiles = ["*.md", "*.cs", "*.razor", "*.css", "*.js", "*.json", "*.resx", "*.sh", "*.cfg", "*.props", "*.csproj", "*.py"];

    private static readonly string[] Skipped = ["bin", "obj", "node_modules", "TestResults", ".git"];

    [Fact]
    public void No_file_carries_a_merge_conflict_marker()
    {
        var offenders = TextFiles
            .SelectMany(pattern => Directory.EnumerateFiles(RepositoryPaths.Root, pattern, SearchOption.AllDirectories))
            .Where(path => !Path.GetRelativePath(RepositoryPaths.Root, path).Split(Path.DirectorySeparatorChar).Any(Skipped.Contains))
            .SelectMany(path => File.ReadLines(path).Select((line, i) => (path, line, i)))
            .Where(x => x.line.StartsWith("<<<<<<< ", StringComparison.Ordinal) || x.line.StartsWith(">>>>>>> ", StringComparison.Ordinal))
            .Select(x => $"{Path.GetRelativePath(RepositoryPaths.Root, x.path)}:{x.i + 1}")
            .ToList();

        Assert.True(offenders.Count == 0, "Merge-conflict markers at " + string.Join(", ", offenders));
    }
}
