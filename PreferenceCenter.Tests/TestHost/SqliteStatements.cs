using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>What SQLite itself holds prepared on a connection: the handle of each statement, and how often it was prepared again.</summary>
public static class SqliteStatements
{
    // sqlite3_stmt_status: times SQLite prepared a statement again because it had expired (a schema change, a function registered).
    private const int Reprepared = 5;

    /// <summary>
    /// Lets <see cref="On"/> see the statements prepared on <paramref name="connection"/> from now on (SQLitePCL finds
    /// them only if asked before they are made).
    /// </summary>
    public static void Track(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        connection.Handle!.enable_sqlite3_next_stmt(true);
    }

    /// <summary>The native handles of every statement prepared on <paramref name="connection"/> and not yet finalised.</summary>
    public static IReadOnlyList<IntPtr> On(SqliteConnection connection) => [.. Each(connection).Select(s => s.DangerousGetHandle())];

    /// <summary>For each statement on <paramref name="connection"/>, how many times SQLite prepared it again since it was made.</summary>
    public static IReadOnlyList<int> TimesReprepared(SqliteConnection connection) =>
        [.. Each(connection).Select(s => raw.sqlite3_stmt_status(s, Reprepared, 0))];

    private static IEnumerable<sqlite3_stmt> Each(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        for (var statement = raw.sqlite3_next_stmt(connection.Handle, null);
             statement is not null && !statement.IsInvalid;
             statement = raw.sqlite3_next_stmt(connection.Handle, statement))
        {
            yield return statement;
        }
    }
}
