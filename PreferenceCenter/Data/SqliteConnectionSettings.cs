using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Data;

/// <summary>
/// SQLite settings that live with a connection, not in the file, run as one command the first time EF opens each of
/// Microsoft.Data.Sqlite's pooled connections (they stay set on it while the pool keeps it; running them on every
/// open, that is per query or per change, cost a consent change as much as its ledger insert):
/// <list type="bullet">
/// <item><c>secure_delete</c>: deleted rows and freed pages are overwritten with zeros instead of lingering (erasure
/// relies on it, with <c>SqliteForgetting</c>).</item>
/// <item><c>wal_autocheckpoint</c>: a committing connection copies the write-ahead log back into the file only once it
/// has grown well past what <see cref="WalCheckpointer"/> leaves, so that copying happens off the one writer's path
/// (ADR 0007). Durability is untouched: every commit still syncs the log.</item>
/// <item><c>cache_size</c>: up to <see cref="PageCacheKibibytes"/> of pages kept per connection instead of SQLite's 2 MiB.
/// A sender's batch of 1,000 reads the customer, consent, rule and last-contact rows of a thousand customers at random;
/// with 2 MiB a connection kept evicting what the next batch needed and a quarter of the batch's time went to reading
/// pages back from the file (docs/performance.md). The cache fills only with pages actually read, so idle connections
/// stay small. (A memory-mapped file read faster still but halved the write rate: every growth of the file remaps it
/// in every connection.)</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int AutoCheckpointPages = 10_000;
    public const int PageCacheKibibytes = 16 * 1024;

    private static readonly string Pragmas = $"PRAGMA secure_delete=ON; PRAGMA wal_autocheckpoint={AutoCheckpointPages}; PRAGMA cache_size=-{PageCacheKibibytes};";

    // The native handles already set: a pooled connection keeps its handle, and with it these settings, from open to open.
    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!FirstOpen(connection))
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (!FirstOpen(connection))
        {
            return;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>For a connection EF does not open (<see cref="KeptSqliteConnection"/>): the same settings, once, after it is opened.</summary>
    internal static void Apply(SqliteConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    private static bool FirstOpen(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || Configured.TryAdd(handle, handle);
}
