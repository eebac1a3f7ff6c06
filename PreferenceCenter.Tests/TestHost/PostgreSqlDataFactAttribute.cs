namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A test that reads the PostgreSQL cluster's files: runs when test.sh's throw-away cluster is there
/// (<c>PC_TEST_POSTGRES</c> and <c>PC_TEST_POSTGRES_DATA</c>), is skipped otherwise.
/// </summary>
public sealed class PostgreSqlDataFactAttribute : FactAttribute
{
    public PostgreSqlDataFactAttribute()
    {
        if (PostgreSqlTestDatabase.ServerConnectionString is null || PostgreSqlDataFiles.DataDirectory is null)
        {
            Skip = $"{PostgreSqlTestDatabase.ServerVariable} or {PostgreSqlDataFiles.DataVariable} is not set: ./test.sh starts a throw-away PostgreSQL cluster and sets both.";
        }
    }
}
