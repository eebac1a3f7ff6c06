using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Data;

/// <summary>
/// SQLite settings that live with a connection, not in the file, run as one command each time EF opens one (that is
/// per query outside a transaction, so it stays a single round trip):
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

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
