using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// The ledger table as <see cref="LedgerVerifier"/> checks it on PostgreSQL. There every column has one declared type,
/// so a value cannot be stored in another form than the writer's as it can in SQLite; what can change is the table
/// itself. So the table must have exactly the columns the hash covers, each of the type the model declares (a column
/// retyped to text could hold "0042" where the hash covers 42); then every row is read in <see cref="LedgerStoredForm"/>'s
/// shape (a storage-class list, then each value, text as its UTF-8 bytes) and checked by the same code as on SQLite.
/// </summary>
internal sealed class PostgreSqlLedgerTable
{
    private const string ColumnsSql =
        $"SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a " +
        $"WHERE a.attrelid = to_regclass('\"{LedgerStoredForm.Table}\"') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";

    private readonly Dictionary<string, IProperty> properties;

    public PostgreSqlLedgerTable(IModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var entity = model.FindEntityType(typeof(LedgerEntry))!;
        properties = entity.GetProperties().ToDictionary(p => p.GetColumnName(), StringComparer.Ordinal);
        SelectAll =
            $"SELECT concat_ws(',', {string.Join(", ", LedgerStoredForm.Columns.Select(c => $"CASE WHEN \"{c}\" IS NULL THEN 'null' ELSE '{StorageClass(c)}' END"))}), " +
            $"{string.Join(", ", LedgerStoredForm.Columns.Select(Value))} FROM \"{LedgerStoredForm.Table}\" ORDER BY \"Sequence\"";
    }

    /// <summary>Every row in sequence order, in the shape <see cref="LedgerStoredForm.Read"/> reads.</summary>
    public string SelectAll { get; }

    /// <summary>Null when the table is the writer's: its columns, and each column's type.</summary>
    public async Task<LedgerVerification?> CheckAsync(Func<DbTransaction, string, DbCommand> command, DbTransaction snapshot, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var list = command(snapshot, ColumnsSql))
        await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                columns[reader.GetString(0)] = reader.GetString(1);
            }
        }

        if (columns.Count == 0)
        {
            return new LedgerVerification(0, null, $"the database has no {LedgerStoredForm.Table} table (is it the app's database?)", DatabaseUnreadable: true);
        }

        if (LedgerVerifier.ColumnsChanged(columns.Keys) is { } changed)
        {
            return changed;
        }

        var retyped = LedgerStoredForm.Columns
            .Where(c => !string.Equals(columns[c], properties[c].GetColumnType(), StringComparison.Ordinal))
            .Select(c => $"{c} is {columns[c]} where the writer stores {properties[c].GetColumnType()}")
            .ToList();
        return retyped.Count == 0
            ? null
            : new LedgerVerification(0, null, $"the {LedgerStoredForm.Table} table's columns were changed ({string.Join(", ", retyped)})");
    }

    private Type ClrType(string column) => Nullable.GetUnderlyingType(properties[column].ClrType) ?? properties[column].ClrType;

    private string StorageClass(string column) => ClrType(column) == typeof(string) || ClrType(column) == typeof(Guid) ? "text" : "integer";

    // Integers (numbers, enums, times as milliseconds) as bigint; text as its bytes; a uuid in the form the SQLite
    // writer stores, which is the only form a PostgreSQL uuid has once read.
    private string Value(string column) => ClrType(column) == typeof(Guid)
        ? $"convert_to(upper(\"{column}\"::text), 'UTF8')"
        : StorageClass(column) == "text" ? $"convert_to(\"{column}\"::text, 'UTF8')" : $"\"{column}\"::bigint";
}
