namespace PreferenceCenter.Tests.TestHost;

/// <summary>The theory form of <see cref="SqliteOnlyFactAttribute"/>.</summary>
public sealed class SqliteOnlyTheoryAttribute : TheoryAttribute
{
    public SqliteOnlyTheoryAttribute(string why)
    {
        if (TestProvider.IsPostgreSql)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}
