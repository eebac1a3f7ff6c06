using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

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

    /// <summary>For writes through EF Core's change tracker.</summary>
    public static bool IsWriteConflict(this DbUpdateException exception) =>
        exception is DbUpdateConcurrencyException || exception?.InnerException is DbException inner && inner.IsWriteConflict();

    /// <summary>For writes through prepared statements (<see cref="RowCommand{TEntity}"/>).</summary>
    public static bool IsWriteConflict(this DbException exception) => exception switch
    {
        SqliteException { SqliteExtendedErrorCode: SqliteConstraintUnique or SqliteConstraintPrimaryKey or SqliteConstraintForeignKey } => true,
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or PostgresErrorCodes.ForeignKeyViolation } => true,
        _ => false,
    };
}
