using Npgsql;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// Another session's transaction, open when the test starts the app's work and ended a moment later: a report's
/// snapshot (<c>REPEATABLE READ</c>, no xid) or a write in progress (an xid), what a <c>VACUUM FULL</c> must wait for.
/// </summary>
public sealed class OlderTransaction : IAsyncDisposable
{
    private OlderTransaction(Task ended) => Ended = ended;

    /// <summary>Completes once the transaction has committed and its session closed.</summary>
    public Task Ended { get; }

    /// <summary>A read-only snapshot in the database, as a long report holds one.</summary>
    public static Task<OlderTransaction> SnapshotAsync(PostgreSqlTestDatabase database, TimeSpan endsAfter) =>
        OpenAsync(database, "BEGIN ISOLATION LEVEL REPEATABLE READ; SELECT 1", endsAfter);

    /// <summary>A transaction that has written (holds an xid), as any write in progress in the database does.</summary>
    public static Task<OlderTransaction> WriteAsync(PostgreSqlTestDatabase database, TimeSpan endsAfter) =>
        OpenAsync(database, "BEGIN; SELECT pg_current_xact_id()", endsAfter);

    /// <summary>
    /// A lock on <paramref name="table"/> that a rewrite must wait for, in a transaction with neither an xid nor a
    /// snapshot left open (read committed, between statements): nothing a rewrite's wait for older transactions sees.
    /// </summary>
    public static Task<OlderTransaction> LockAsync(PostgreSqlTestDatabase database, string table, TimeSpan endsAfter) =>
        OpenAsync(database, $"BEGIN; LOCK TABLE \"{table}\" IN ACCESS SHARE MODE", endsAfter);

    public async ValueTask DisposeAsync() => await Ended;

    private static async Task<OlderTransaction> OpenAsync(PostgreSqlTestDatabase database, string begin, TimeSpan endsAfter)
    {
        ArgumentNullException.ThrowIfNull(database);
        // Unpooled: the session ends with the transaction, nothing of it left for the next test to find.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using (var command = new NpgsqlCommand(begin, connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new OlderTransaction(EndAsync(connection, endsAfter));
    }

    private static async Task EndAsync(NpgsqlConnection connection, TimeSpan endsAfter)
    {
        await using (connection)
        {
            await Task.Delay(endsAfter);
            await using var commit = new NpgsqlCommand("COMMIT", connection);
            await commit.ExecuteNonQueryAsync();
        }
    }
}
