using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Data;

/// <summary>
/// A SQLite connection that keeps each statement it runs prepared, by its SQL, for as long as it stays open. Microsoft.Data.Sqlite
/// prepares a command's SQL again for every new command, and EF makes a new command for every query and save, so a hot
/// path on a pooled connection parsed and planned the same statements on every call (a quarter of a consent change's
/// CPU, docs/performance.md). Kept on a pooled connection they would not last: EF registers its SQL functions on every
/// open, and SQLite expires every prepared statement of a connection when a function is registered. So this connection
/// is opened once, outside the pool, and kept (<see cref="SqliteWriteContexts"/>). Commands made through
/// <see cref="DbConnection.CreateCommand"/> (EF's and <see cref="RowCommand{TEntity}"/>'s) share the kept statements;
/// Microsoft.Data.Sqlite's own (BEGIN, COMMIT) do not. One caller at a time, as any connection.
/// </summary>
public sealed class KeptSqliteConnection : SqliteConnection
{
    /// <summary>Statements kept at most; SQL beyond them (a query with a list of a new length) is prepared for its one use.</summary>
    public const int MaxKeptStatements = 64;

    private readonly Dictionary<string, KeptSqliteStatement> statements = new(StringComparer.Ordinal);

    public KeptSqliteConnection(string connectionString)
        : base(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
    {
    }

    /// <summary>How many statements are kept prepared now.</summary>
    public int KeptStatements => statements.Count;

    /// <summary>The transaction begun on this connection and not yet ended, for the commands made on it.</summary>
    internal SqliteTransaction? OpenTransaction => Transaction;

    protected override DbCommand CreateDbCommand() => new KeptSqliteCommand(this);

    /// <summary>The kept statement for <paramref name="sql"/>, or a fresh one when it is in use or too many are kept.</summary>
    internal (SqliteCommand Statement, bool Kept) Statement(string sql)
    {
        if (statements.TryGetValue(sql, out var kept))
        {
            return kept.Busy ? (new SqliteCommand(sql, this), false) : (kept, true);
        }

        if (statements.Count >= MaxKeptStatements)
        {
            return (new SqliteCommand(sql, this), false);
        }

        kept = new KeptSqliteStatement(sql, this);
        statements.Add(sql, kept);
        return (kept, true);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var statement in statements.Values)
            {
                statement.Dispose();
            }

            statements.Clear();
        }

        base.Dispose(disposing);
    }
}
