using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The store every test runs on (<see cref="TestDatabase"/> and the end-to-end hosts): <c>PC_TEST_PROVIDER=PostgreSQL</c>
/// puts them on the cluster test.sh starts (<c>PC_TEST_POSTGRES</c>), anything else or nothing keeps SQLite files.
/// test.sh runs the suite once each way (the second time without the tests marked <see cref="SqliteOnlyAttribute"/>).
/// </summary>
public static class TestProvider
{
    public const string Variable = "PC_TEST_PROVIDER";

    public static DatabaseProvider Current { get; } = Read();

    public static bool IsPostgreSql => Current == DatabaseProvider.PostgreSQL;

    private static DatabaseProvider Read()
    {
        var configured = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(configured) || string.Equals(configured, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            return DatabaseProvider.Sqlite;
        }

        if (!string.Equals(configured, "PostgreSQL", StringComparison.OrdinalIgnoreCase))
        {
            // A typo must not quietly run the SQLite suite a second time and call it PostgreSQL.
            throw new InvalidOperationException($"{Variable} is '{configured}': it must be Sqlite (the default) or PostgreSQL.");
        }

        if (PostgreSqlTestDatabase.ServerConnectionString is null)
        {
            throw new InvalidOperationException($"{Variable}=PostgreSQL needs {PostgreSqlTestDatabase.ServerVariable}: run the tests through ./test.sh, which starts a cluster.");
        }

        return DatabaseProvider.PostgreSQL;
    }
}
