using System.Data.Common;

namespace PreferenceCenter.Data;

/// <summary>One <c>PRAGMA wal_checkpoint</c> and its answer, for the background checkpointer and for erasure's TRUNCATE.</summary>
public static class SqliteCheckpoint
{
    /// <param name="mode"><c>PASSIVE</c>, <c>FULL</c>, <c>RESTART</c> or <c>TRUNCATE</c>.</param>
    /// <returns>Busy when another connection kept it from finishing; the frames in the log and how many are now in the file.</returns>
    public static async Task<(bool Busy, long LogFrames, long Copied)> RunAsync(DbConnection connection, string mode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA wal_checkpoint({mode});";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        // One row: busy (0 or 1), frames in the log, frames copied (both -1 when the database is not in WAL mode).
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt32(0) != 0, reader.GetInt64(1), reader.GetInt64(2)) : (false, 0, 0);
    }
}
