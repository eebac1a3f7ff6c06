using Npgsql;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The files of one database in the throw-away cluster's data directory (<c>PC_TEST_POSTGRES_DATA</c>, set by test.sh),
/// for tests that read the disk as someone with a copy of it would. Test.sh runs as root, which reads the postgres
/// user's files; the buffers are flushed first with CHECKPOINT (the test user is a superuser).
/// </summary>
public static class PostgreSqlDataFiles
{
    public const string DataVariable = "PC_TEST_POSTGRES_DATA";

    public static string? DataDirectory =>
        Environment.GetEnvironmentVariable(DataVariable) is { Length: > 0 } directory ? directory : null;

    /// <summary>Runs CHECKPOINT, so every dirty page is in the files, then lists the database's files (tables, indexes, TOAST, maps).</summary>
    public static async Task<IReadOnlyList<string>> CheckpointAndListAsync(PostgreSqlTestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var directory = DataDirectory ?? throw new InvalidOperationException($"{DataVariable} is not set: ./test.sh sets it with the cluster it starts.");
        await database.ExecuteRawAsync("CHECKPOINT");
        var oid = Convert.ToUInt32(await database.ScalarAsync("SELECT oid FROM pg_database WHERE datname = current_database()"), System.Globalization.CultureInfo.InvariantCulture);
        return Directory.GetFiles(Path.Combine(directory, "base", oid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>The file of a table's main fork, relative to the data directory (to name it in a message).</summary>
    public static async Task<string> FileOfAsync(PostgreSqlTestDatabase database, string table)
    {
        ArgumentNullException.ThrowIfNull(database);
        return (string)(await database.ScalarAsync($"SELECT pg_relation_filepath('{table.Replace("'", "''", StringComparison.Ordinal)}')"))!;
    }
}
