using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// Walks every row of the ledger in sequence order, as stored, and recomputes every hash. Catches an altered byte in
/// any column (hash mismatch), a value stored in another form than the writer's that would read differently from what
/// the hash covers (<see cref="LedgerStoredForm"/>), a deleted row (gap), a row outside the chain (numbered below 1),
/// reordered or swapped rows (previous-hash mismatch), and a table whose columns or index disagree with it. With an
/// anchor recorded earlier it also catches entries cut off the end and a history rewritten with recomputed hashes.
/// It only reads, and reports a database it cannot read instead of throwing. On PostgreSQL the same walk runs in a
/// read-only REPEATABLE READ snapshot, and the table check compares column types instead (<see cref="PostgreSqlLedgerTable"/>).
/// </summary>
public sealed class LedgerVerifier(IDbContextFactory<AppDbContext> dbFactory)
{
    public async Task<LedgerVerification> VerifyAsync(LedgerAnchor? anchor = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            if (db.Database.IsNpgsql())
            {
                // One snapshot for the count and the walk; read only, so it never blocks or is blocked by the writers.
                await using var pgSnapshot = await db.Database.GetDbConnection().BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
                await ScalarAsync(pgSnapshot, "SET TRANSACTION READ ONLY");
                var table = new PostgreSqlLedgerTable(db.Model);
                return await table.CheckAsync(Command, pgSnapshot, cancellationToken) ?? await WalkAsync(pgSnapshot, table.SelectAll, anchor, cancellationToken);
            }

            var connection = (SqliteConnection)db.Database.GetDbConnection();
            // Deferred: one snapshot for the count and the walk, taking no write lock while the app appends.
            await using var snapshot = connection.BeginTransaction(deferred: true);
            return await CheckTableAsync(snapshot) ?? await WalkAsync(snapshot, LedgerStoredForm.SelectAll, anchor, cancellationToken);
        }
        catch (DbException e)
        {
            return new LedgerVerification(0, null, $"the database cannot be read ({e.Message})", DatabaseUnreadable: true);
        }
    }

    /// <summary>The table must exist, have exactly the columns the hash covers, and agree with its index.</summary>
    private static async Task<LedgerVerification?> CheckTableAsync(DbTransaction snapshot)
    {
        var columns = await ListAsync(snapshot, $"SELECT name FROM pragma_table_xinfo('{LedgerStoredForm.Table}')");
        if (columns.Count == 0)
        {
            return new LedgerVerification(0, null, $"the database has no {LedgerStoredForm.Table} table (is it the app's database?)", DatabaseUnreadable: true);
        }

        if (ColumnsChanged(columns) is { } changed)
        {
            return changed;
        }

        // The history and the export find a customer's entries through the index: it must hold exactly the table's rows.
        var integrity = await ListAsync(snapshot, $"PRAGMA integrity_check('{LedgerStoredForm.Table}')");
        return integrity is ["ok"]
            ? null
            : new LedgerVerification(0, null,
                $"the {LedgerStoredForm.Table} table or its index is damaged or was edited outside SQLite (integrity check: {integrity[0]})", DatabaseUnreadable: true);
    }

    /// <summary>A column the hash does not cover, or one it covers gone: the table is not the one the writer fills.</summary>
    internal static LedgerVerification? ColumnsChanged(IReadOnlyCollection<string> columns)
    {
        var uncovered = columns.Except(LedgerStoredForm.Columns, StringComparer.Ordinal).ToList();
        var missing = LedgerStoredForm.Columns.Except(columns, StringComparer.OrdinalIgnoreCase).ToList();
        return uncovered.Count + missing.Count == 0
            ? null
            : new LedgerVerification(0, null,
                $"the {LedgerStoredForm.Table} table's columns were changed ({Describe("not covered by the hash", uncovered)}{(uncovered.Count > 0 && missing.Count > 0 ? "; " : "")}{Describe("missing", missing)})");
    }

    private static async Task<LedgerVerification> WalkAsync(DbTransaction snapshot, string selectAll, LedgerAnchor? anchor, CancellationToken cancellationToken)
    {
        var rows = Convert.ToInt64(await ScalarAsync(snapshot, $"SELECT count(*) FROM \"{LedgerStoredForm.Table}\""), System.Globalization.CultureInfo.InvariantCulture);
        var expectedSequence = 1L;
        var expectedPrevious = LedgerCanonicalForm.Genesis;
        long checkedCount = 0;
        await using (var command = Command(snapshot, selectAll))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var row = LedgerStoredForm.Read(reader);
                var problem = Check(row, expectedSequence, expectedPrevious)
                    ?? (anchor is not null && row.Sequence == anchor.Sequence && row.Hash != anchor.Hash
                        ? "it does not match the anchor recorded earlier (the chain from here back was rewritten)"
                        : null);
                if (problem is not null)
                {
                    return new LedgerVerification(checkedCount, row.Sequence ?? expectedSequence, problem);
                }

                checkedCount++;
                expectedSequence++;
                expectedPrevious = row.Hash;
            }
        }

        var head = checkedCount == 0 ? null : new LedgerAnchor(expectedSequence - 1, expectedPrevious);
        if (checkedCount != rows)
        {
            return new LedgerVerification(checkedCount, null, $"the table holds {rows} rows but {checkedCount} were read in sequence order", head);
        }

        return anchor is not null && anchor.Sequence > checkedCount
            ? new LedgerVerification(checkedCount, anchor.Sequence,
                $"the ledger ends at entry {checkedCount}, before the anchored entry {anchor.Sequence}: entries were removed from the end", head)
            : new LedgerVerification(checkedCount, null, null, head);
    }

    private static string? Check(StoredLedgerRow row, long expectedSequence, string expectedPrevious)
    {
        if (row.Sequence is < 1)
        {
            return $"an entry numbered {row.Sequence} is outside the chain, which starts at 1";
        }

        if (row.Sequence is { } sequence && sequence != expectedSequence)
        {
            return $"entry {expectedSequence} is missing (the next entry found is {sequence})";
        }

        if (row.Problem is not null || row.Entry is null)
        {
            return row.Problem;
        }

        if (!string.Equals(row.Entry.PreviousHash, expectedPrevious, StringComparison.Ordinal))
        {
            return "its previous-hash does not match the entry before it (rows were reordered, replaced or removed)";
        }

        var recomputed = LedgerCanonicalForm.ComputeHash(row.Entry);
        return string.Equals(recomputed, row.Hash, StringComparison.Ordinal)
            ? null
            : "its content does not match its hash (the row was altered)";
    }

    private static string Describe(string what, List<string> columns) =>
        columns.Count == 0 ? "" : $"{what}: {string.Join(", ", columns)}";

    private static async Task<List<string>> ListAsync(DbTransaction snapshot, string sql)
    {
        await using var command = Command(snapshot, sql);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    private static async Task<object?> ScalarAsync(DbTransaction snapshot, string sql)
    {
        await using var command = Command(snapshot, sql);
        return await command.ExecuteScalarAsync();
    }

    private static DbCommand Command(DbTransaction snapshot, string sql)
    {
        var command = snapshot.Connection!.CreateCommand();
        command.Transaction = snapshot;
        command.CommandText = sql;
        return command;
    }
}
