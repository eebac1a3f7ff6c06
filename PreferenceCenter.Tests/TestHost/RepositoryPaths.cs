namespace PreferenceCenter.Tests.TestHost;

/// <summary>Finds files in the repository the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "PreferenceCenter");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PreferenceCenter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("PreferenceCenter.sln was not found above " + AppContext.BaseDirectory);
    }
}
