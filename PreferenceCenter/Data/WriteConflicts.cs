using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace PreferenceCenter.Data;

/// <summary>
/// Tells a lost race from a failure. Only another writer getting there first — a concurrency token that moved, or a
/// unique or primary key taken meanwhile, a row it refers to removed meanwhile — is a conflict the caller can report and the customer can retry. Anything
/// else (a failing disk, a full volume, a trigger refusing the write) is a fault: it must surface as one, not read as
/// "changed in another window".
/// </summary>
public static class WriteConflicts
{
    private const int SqliteConstraintForeignKey = 787;
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static bool IsWriteConflict(this DbUpdateException exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        { InnerException: SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey or SqliteConstraintForeignKey } } => true,
        _ => false,
    };
}
