using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Runs a <c>VACUUM (FULL)</c> that scrubs: first waits for every transaction that could still see the rows just
/// deleted or overwritten. VACUUM FULL copies a dead row version into the new file while the horizon it computes says
/// some transaction might still see it ("recently dead"), and that horizon includes the VACUUM's own snapshot, whose
/// xmin is the oldest transaction still running anywhere on the cluster. So a write in progress in another database
/// (the key store's or the main database's, another instance's, a <c>CREATE DATABASE</c>) keeps the old rows as
/// surely as a report holding a snapshot in this one (ADR 0015).
/// </summary>
public static partial class PostgreSqlRewrite
{
    /// <summary>
    /// About 10 s (200 polls 50 ms apart), counted in polls rather than by the app's clock, which a test may hold
    /// still. The app's own transactions last milliseconds; what outlasts this is a report, a dump or a forgotten
    /// session, which waiting longer would not end: the rewrite then runs anyway, a warning names who held it, and the
    /// next rewrite of the table takes what it kept. Nothing is locked while waiting.
    /// </summary>
    private const int Polls = 200;

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Older than the fence, in 32-bit xid arithmetic (pg_stat_activity and pg_prepared_xacts show xid, not xid8):
    /// the fence is the cluster's next xid when called, so every deleting transaction, committed before, is below it.
    /// </summary>
    private static string Older(string xid) => $"((@fence - {xid}::text::bigint) % 4294967296 + 4294967296) % 4294967296 BETWEEN 1 AND 2147483647";

    private static readonly string Holders = $"""
        SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint < @fence,
          ARRAY(
            SELECT format('pid %s (%s, database %s, %s since %s)', pid, coalesce(nullif(application_name, ''), backend_type),
                     coalesce(datname, '-'), coalesce(state, '-'), coalesce(to_char(xact_start AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS UTC'), '-'))
            FROM pg_stat_activity
            WHERE pid <> pg_backend_pid()
              AND ((backend_xid IS NOT NULL AND {Older("backend_xid")})
                OR (datname = current_database() AND backend_xmin IS NOT NULL AND {Older("backend_xmin")}))
            UNION ALL
            SELECT format('prepared transaction %s (database %s)', gid, database) FROM pg_prepared_xacts
            WHERE {Older("transaction")})
        """;

    /// <summary>
    /// Waits until no transaction older than this call is running on the cluster and no other session of this
    /// database holds a snapshot older than it (the query lists who), then runs the statement on the connection.
    /// </summary>
    public static async Task VacuumFullAsync(NpgsqlConnection connection, string vacuumStatement, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var fence = new NpgsqlCommand("SELECT pg_snapshot_xmax(pg_current_snapshot())::text::bigint", connection))
        {
            var at = (long)(await fence.ExecuteScalarAsync(cancellationToken))!;
            var holders = await WaitAsync(connection, at, cancellationToken);
            if (holders is not null)
            {
                LogStillHeld(logger, vacuumStatement, holders.Length == 0 ? "a transaction pg_stat_activity does not show" : string.Join("; ", holders));
            }
        }

        // No time limit: a rewrite takes as long as its tables are large, and the connection's default of 30 s failed
        // every erasure once each table it rewrites held about a million rows (the erasure-postgresql benchmark),
        // retried on every tick and failing again. Stopping the app cancels it; the erasure job's lease outlasts it.
        await using var vacuum = new NpgsqlCommand(vacuumStatement, connection) { CommandTimeout = 0 };
        await vacuum.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The same on the context's connection, opened for the wait and the statement (VACUUM runs outside any transaction).</summary>
    public static async Task VacuumFullAsync(DatabaseFacade database, string vacuumStatement, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await database.OpenConnectionAsync(cancellationToken);
        try
        {
            await VacuumFullAsync((NpgsqlConnection)database.GetDbConnection(), vacuumStatement, logger, cancellationToken);
        }
        finally
        {
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>Null once nothing older is left; who is still there when the polls run out.</summary>
    private static async Task<string[]?> WaitAsync(NpgsqlConnection connection, long fence, CancellationToken cancellationToken)
    {
        await using var poll = new NpgsqlCommand(Holders, connection);
        poll.Parameters.AddWithValue("fence", fence);
        for (var attempt = 1; ; attempt++)
        {
            bool running;
            string[] holders;
            await using (var reader = await poll.ExecuteReaderAsync(cancellationToken))
            {
                await reader.ReadAsync(cancellationToken);
                (running, holders) = (reader.GetBoolean(0), reader.GetFieldValue<string[]>(1));
            }

            if (!running && holders.Length == 0)
            {
                return null;
            }

            if (attempt == Polls)
            {
                return holders;
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Statement} ran while older transactions could still see the rows it should drop, so their old versions stay in the new files until the next rewrite: {Holders}")]
    private static partial void LogStillHeld(ILogger logger, string statement, string holders);
}
