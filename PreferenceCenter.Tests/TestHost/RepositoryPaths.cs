namespace PreferenceCenter.Tests.TestHost;

/// <summary>Finds files in the repository the tests run from.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string App => Path.Combine(Root, "PreferenceCenter");

    /// <summary>The app's own build output, in the configuration the tests were built in (Debug or Release).</summary>
    public static string AppDll => Path.Combine(App, "bin", new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name, "net10.0", "PreferenceCenter.dll");

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
