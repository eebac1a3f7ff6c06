using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PreferenceCenter.Features.Erasure;

/// <summary>
/// Makes PostgreSQL forget deleted rows. Under MVCC a DELETE or UPDATE only marks the old version dead; VACUUM prunes
/// it but leaves its bytes in the page's free space until something happens to overwrite them. <c>VACUUM FULL</c>
/// writes the live rows (and rebuilt indexes) into new files and truncates the old files at commit (ADR 0015).
/// </summary>
public static class PostgreSqlForgetting
{
    /// <summary>One <c>VACUUM (FULL)</c> statement over the entities' tables (VACUUM cannot run in a transaction, so one statement).</summary>
    public static string VacuumFull(IEnumerable<IEntityType> entities)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var tables = entities
            .Select(e => e.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(e.GetTableName()!)}" : Quote(e.GetTableName()!))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return tables.Count == 0 ? throw new ArgumentException("No table to vacuum.", nameof(entities)) : $"VACUUM (FULL) {string.Join(", ", tables)}";
    }

    private static string Quote(string name) => $"\"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
