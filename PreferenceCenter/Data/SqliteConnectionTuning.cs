namespace PreferenceCenter.Data;

/// <summary>
/// Per-connection SQLite settings for throughput, set on every open (they are not stored in the file). Neither
/// touches durability: every commit still syncs the write-ahead log.
/// <list type="bullet">
/// <item><c>mmap_size</c>: reads come straight from the mapped file instead of a <c>read()</c> and a copy per page.
/// A burst of withdrawals reads customers and consents at random across the whole file (README, Performance).</item>
/// <item><c>wal_autocheckpoint</c>: a committing connection copies the log back into the file only when it has grown
/// well past what <see cref="WalCheckpointer"/> normally leaves, so that copying happens off the writer's path.</item>
/// </list>
/// </summary>
public sealed class SqliteConnectionTuning() : SqlitePragmasOnOpen(Pragmas)
{
    public const long MemoryMapBytes = 256L * 1024 * 1024;
    public const int AutoCheckpointPages = 10_000;

    private static readonly string Pragmas = $"PRAGMA mmap_size={MemoryMapBytes}; PRAGMA wal_autocheckpoint={AutoCheckpointPages};";
}
