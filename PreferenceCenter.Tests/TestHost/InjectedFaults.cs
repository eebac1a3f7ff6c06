using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A failing disk, as EF Core sees it: counts every command and commit, and when armed makes the Nth one fail with
/// SQLite's own I/O error (SQLITE_IOERR), before it reaches the database. Unarmed it only counts, which is how a test
/// learns how many steps a write has.
/// </summary>
public sealed class InjectedFaults : DbCommandInterceptor, IDbTransactionInterceptor
{
    private const int SqliteIoError = 10;
    private int seen;
    private int failAt;

    /// <summary>Commands and commits seen since the last <see cref="Arm"/> or <see cref="Count"/>.</summary>
    public int Seen => seen;

    public void Count() => (seen, failAt) = (0, 0);

    /// <summary>The <paramref name="step"/>th command or commit from now fails (1 is the next one).</summary>
    public void Arm(int step) => (seen, failAt) = (0, step);

    private void Step()
    {
        if (++seen == failAt)
        {
            throw new SqliteException($"disk I/O error (injected at step {seen})", SqliteIoError);
        }
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Step();
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Step();
        return base.ReaderExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Step();
        return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Step();
        return base.NonQueryExecuting(command, eventData, result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Step();
        return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Step();
        return base.ScalarExecuting(command, eventData, result);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
    {
        Step();
        return ValueTask.FromResult(result);
    }

    public InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
    {
        Step();
        return result;
    }
}
