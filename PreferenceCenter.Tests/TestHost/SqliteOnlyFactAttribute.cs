namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// An end-to-end test that reaches into the SQLite file itself (its triggers, its pages): skipped when the hosts run on
/// PostgreSQL (<see cref="TestProvider"/>), with the reason given here.
/// </summary>
public sealed class SqliteOnlyFactAttribute : FactAttribute
{
    public SqliteOnlyFactAttribute(string why)
    {
        if (TestProvider.IsPostgreSql)
        {
            Skip = $"SQLite only: {why}";
        }
    }
}
