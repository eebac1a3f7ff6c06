namespace PreferenceCenter.Tests.TestHost;

/// <summary>A test of the PostgreSQL store: runs when <c>PC_TEST_POSTGRES</c> names a server (test.sh starts one), is skipped otherwise.</summary>
public sealed class PostgreSqlFactAttribute : FactAttribute
{
    public PostgreSqlFactAttribute()
    {
        if (PostgreSqlTestDatabase.ServerConnectionString is null)
        {
            Skip = $"{PostgreSqlTestDatabase.ServerVariable} is not set: ./test.sh starts a throw-away PostgreSQL cluster and sets it.";
        }
    }
}
