namespace PreferenceCenter.Data;

/// <summary>
/// Per-connection SQLite settings for throughput, set on every open (they are not stored in the file).
/// <c>wal_autocheckpoint</c>: a committing connection copies the write-ahead log back into the file only when it has
/// grown well past what <see cref="WalCheckpointer"/> normally leaves, so that copying happens off the single
/// writer's path. Durability is untouched: every commit still syncs the log. (Memory-mapped reads were tried too
/// and measured no faster; see ADR 0007.)
/// </summary>
public sealed class SqliteConnectionTuning() : SqlitePragmasOnOpen(Pragmas)
{
    public const int AutoCheckpointPages = 10_000;

    private static readonly string Pragmas = $"PRAGMA wal_autocheckpoint={AutoCheckpointPages};";
}
