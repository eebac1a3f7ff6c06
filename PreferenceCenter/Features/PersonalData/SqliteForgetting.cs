using System.Data.Common;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Makes SQLite forget deleted bytes. With <c>secure_delete</c> on, deleted cells and freed pages are zeroed in the
/// pages written; the WAL still holds the older frames until a checkpoint copies the new pages into the main file and
/// TRUNCATE empties the log.
/// </summary>
public static class SqliteForgetting
{
    private const int Attempts = 20;

    /// <summary>Checkpoints and truncates the WAL, retrying while readers hold old frames; throws if it never completes.</summary>
    public static async Task CheckpointAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        for (var attempt = 1; ; attempt++)
        {
            var (busy, _, _) = await SqliteCheckpoint.RunAsync(connection, "TRUNCATE", cancellationToken);
            if (!busy)
            {
                return;
            }

            if (attempt == Attempts)
            {
                throw new InvalidOperationException("The WAL could not be checkpointed: another connection kept reading old frames. Run the erasure again.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50 * attempt), cancellationToken);
        }
    }
}
