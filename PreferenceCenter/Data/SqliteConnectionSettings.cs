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
/// </list>
/// </summary>
public sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public const int AutoCheckpointPages = 10_000;

    private static readonly string Pragmas = $"PRAGMA secure_delete=ON; PRAGMA wal_autocheckpoint={AutoCheckpointPages};";

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
