using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Data;

/// <summary>
/// A command on a <see cref="KeptSqliteConnection"/>: it collects its SQL, parameters and transaction as any command
/// does, and runs them on the statement the connection keeps prepared for that SQL.
/// </summary>
internal sealed class KeptSqliteCommand(KeptSqliteConnection connection) : DbCommand
{
    // Holds the parameters the caller adds, in any order with the SQL; never prepared, never run.
    private readonly SqliteCommand parameters = new();
    private SqliteCommand? statement;
    private bool statementKept;
    private string commandText = string.Empty;

    [AllowNull]
    public override string CommandText
    {
        get => commandText;
        set => commandText = value ?? string.Empty;
    }

    public override int CommandTimeout { get; set; } = connection.DefaultTimeout;

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException($"SQLite runs text commands only, not {value}.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => connection;
        set
        {
            if (value != connection)
            {
                throw new InvalidOperationException("A command of a kept connection runs on that connection only.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => parameters.Parameters;

    // As Microsoft.Data.Sqlite's own commands: in the connection's transaction unless told otherwise.
    protected override DbTransaction? DbTransaction { get; set; } = connection.OpenTransaction;

    public override void Cancel()
    {
    }

    public override void Prepare() => Bound().Prepare();

    public override int ExecuteNonQuery() => Bound().ExecuteNonQuery();

    public override object? ExecuteScalar() => Bound().ExecuteScalar();

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Bound().ExecuteReader(behavior);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Release();
            parameters.Dispose();
        }

        base.Dispose(disposing);
    }

    // The statement for the current SQL, with this command's parameters, transaction and timeout on it.
    private SqliteCommand Bound()
    {
        if (statement is null || statement.CommandText != commandText || (statement is KeptSqliteStatement { Busy: true }))
        {
            Release();
            (statement, statementKept) = connection.Statement(commandText);
        }

        statement.Parameters.Clear();
        foreach (SqliteParameter parameter in parameters.Parameters)
        {
            statement.Parameters.Add(parameter);
        }

        statement.Transaction = (SqliteTransaction?)DbTransaction;
        statement.CommandTimeout = CommandTimeout;
        return statement;
    }

    // A kept statement goes back without this command's values on it; one of its own is closed.
    private void Release()
    {
        if (statement is null)
        {
            return;
        }

        if (!statementKept)
        {
            statement.Dispose();
        }
        else if (statement is KeptSqliteStatement { Busy: false })
        {
            statement.Parameters.Clear();
        }

        statement = null;
    }
}
