using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;
using Xunit.Abstractions;

namespace PreferenceCenter.Tests.Features.Ledger;

/// <summary>
/// The tamper harness. Copies of one ledger written by the app (<see cref="AwkwardLedger"/>) are edited as someone
/// holding the file could: every column of every kind of row altered in every way SQLite lets one store a value, and
/// row-level forgeries (delete, swap, insert, renumber, truncate, rewrite with recomputed hashes). Each must be caught
/// with the first bad entry named; each copy is verified untouched first and must never raise an alarm. Figures go
/// to the test output and docs/features/ledger.md.
/// </summary>
[SqliteOnly("edits copies of the SQLite file in every way SQLite's dynamic typing allows; PostgreSqlLedgerVerifierTests tampers on PostgreSQL")]
public sealed class LedgerTamperHarnessTests(ITestOutputHelper log) : IAsyncLifetime
{
    private const string DropTriggers = "DROP TRIGGER LedgerEntries_NoUpdate; DROP TRIGGER LedgerEntries_NoDelete;";
    private const long Head = AwkwardLedger.EntryCount;

    private static readonly string[] AnyColumn = ["NULL", "CAST({0} AS BLOB)", "x''", "x'00'"];

    private static readonly string[] IntegerColumn =
    [
        "{0} + 1", "{0} - 1", "-{0}", "{0} + 0.5", "{0} + 4294967296", "{0} - 4294967296", "CAST({0} AS TEXT) || ' '",
        "' ' || {0}", "'0x' || printf('%x', {0})", "CAST({0} AS TEXT) || char(0)", "9223372036854775807",
    ];

    private static readonly string[] TextColumn =
    [
        "{0} || 'x'", "'x' || {0}", "upper({0})", "lower({0})", "substr({0}, 2)", "{0} || char(0)", "char(0) || {0}", "''", "' ' || {0}",
        "{0} || ' '", "replace({0}, '-', '')", "'{{' || {0} || '}}'", "'1'", "1", "1.5", "{0} || char(8203)", "replace({0}, 'e', char(1077))",
        "CAST(CAST({0} AS BLOB) || x'FF' AS TEXT)", "CAST(x'EDA080' || CAST({0} AS BLOB) AS TEXT)", "CAST(x'C0AF' || CAST({0} AS BLOB) AS TEXT)",
    ];

    private readonly string folder = Path.Combine(Path.GetTempPath(), $"pc-tamper-{Guid.NewGuid():N}");
    private TestDatabase pristine = null!;
    private LedgerAnchor anchor = null!;
    private readonly HashSet<(long Sequence, string Column)> nullCells = [];
    private int copies;

    [Fact]
    public async Task EveryForgedCopyIsCaughtNamingTheFirstBadEntry_AndNoUntouchedCopyRaisesAnAlarm()
    {
        var columns = await ColumnsAsync();
        var missed = new List<string>();
        int caught = 0, falseAlarms = 0, noOps = 0, refused = 0, columnForgeries = 0, rowForgeries = 0, tableForgeries = 0;

        foreach (var forgery in ColumnForgeries(columns).Concat(RowForgeries()).Concat(TableForgeries()))
        {
            var (outcome, detail) = await TryAsync(forgery);
            if (outcome is Outcome.NoOp or Outcome.Refused)
            {
                noOps += outcome == Outcome.NoOp ? 1 : 0;
                refused += outcome == Outcome.Refused ? 1 : 0;
                continue;
            }

            caught += outcome == Outcome.Caught ? 1 : 0;
            falseAlarms += outcome == Outcome.FalseAlarm ? 1 : 0;
            if (outcome != Outcome.Caught)
            {
                missed.Add($"{forgery.Name}: {outcome} ({detail})");
            }

            columnForgeries += forgery.Kind == "column" ? 1 : 0;
            rowForgeries += forgery.Kind == "row" ? 1 : 0;
            tableForgeries += forgery.Kind == "table" ? 1 : 0;
        }

        log.WriteLine(
            $"Tamper harness: {columnForgeries + rowForgeries + tableForgeries} tampered copies ({columnForgeries} column forgeries over " +
            $"{columns.Count} columns, {rowForgeries} row-level, {tableForgeries} table-level), {caught} caught with the first bad entry named, " +
            $"{missed.Count} missed; {copies} untouched copies verified with {falseAlarms} false alarms; {noOps} generated edits changed nothing " +
            $"and {refused} were refused by SQLite (not counted).");
        Assert.Empty(missed);
        Assert.True(columnForgeries >= 20 * columns.Count, $"Only {columnForgeries} column forgeries were generated.");
        Assert.True(rowForgeries >= 40, $"Only {rowForgeries} row-level forgeries were generated.");
    }

    /// <summary>Every column the table has (not a list kept by hand), each altered in the middle, first and last entries.</summary>
    private IEnumerable<Forgery> ColumnForgeries(IReadOnlyList<(string Name, string Type)> columns) =>
        from column in columns
        from edit in AnyColumn.Concat(column.Type == "INTEGER" ? IntegerColumn : TextColumn)
        from row in new[] { AwkwardLedger.EveryColumnSet, AwkwardLedger.EveryOptionalColumnEmpty, Head }
        // Where the column is NULL an edit of its value leaves NULL: only putting a value there is a forgery.
        where !nullCells.Contains((row, column.Name)) || !edit.Contains("{0}", StringComparison.Ordinal)
        let value = string.Format(System.Globalization.CultureInfo.InvariantCulture, edit, $"\"{column.Name}\"")
        select new Forgery("column", $"{column.Name} of entry {row} = {value}", [$"UPDATE LedgerEntries SET \"{column.Name}\" = {value} WHERE Sequence = {row};"]);

    private static IEnumerable<Forgery> RowForgeries()
    {
        for (var k = 1; k <= Head; k++)
        {
            yield return new Forgery("row", $"delete entry {k}", [$"DELETE FROM LedgerEntries WHERE Sequence = {k};"], AnchorOnly: k == Head);
            yield return new Forgery("row", $"delete entry {k} and renumber the rest", [
                $"DELETE FROM LedgerEntries WHERE Sequence = {k}; UPDATE LedgerEntries SET Sequence = -(Sequence - 1) WHERE Sequence > {k}; UPDATE LedgerEntries SET Sequence = -Sequence WHERE Sequence < 0;"],
                AnchorOnly: k == Head);
            yield return new Forgery("row", $"truncate after entry {k - 1}", [$"DELETE FROM LedgerEntries WHERE Sequence >= {k};"], AnchorOnly: true);
            foreach (var at in new[] { 0, -1, -k, Head + 1, Head + 2 })
            {
                yield return new Forgery("row", $"insert a copy of entry {k} as entry {at}", [CopyRow(k, at)]);
            }

            yield return new Forgery("row", $"insert a copy of entry {k} before it, renumbering the rest", [
                $"UPDATE LedgerEntries SET Sequence = -(Sequence + 1) WHERE Sequence >= {k}; UPDATE LedgerEntries SET Sequence = -Sequence WHERE Sequence < 0;",
                CopyRow(k + 1, k)]);
            yield return new Forgery("row", $"rewrite entry {k} with every later hash recomputed", [], AnchorOnly: true, RewriteFrom: k);
            yield return new Forgery("row", $"rewrite entry {k} with recomputed hashes, then cut off the head", [$"DELETE FROM LedgerEntries WHERE Sequence = {Head};"],
                AnchorOnly: true, RewriteFrom: k);
            for (var j = k + 1; j <= Head; j++)
            {
                yield return new Forgery("row", $"swap entries {k} and {j}", [
                    $"UPDATE LedgerEntries SET Sequence = -1 WHERE Sequence = {k}; UPDATE LedgerEntries SET Sequence = {k} WHERE Sequence = {j}; UPDATE LedgerEntries SET Sequence = {j} WHERE Sequence = -1;"]);
            }
        }

        foreach (var shift in new[] { 1, 2, 100, -1, -100 })
        {
            yield return new Forgery("row", $"renumber every entry by {shift}", [
                $"UPDATE LedgerEntries SET Sequence = -(Sequence + ({shift})) - 1000000; UPDATE LedgerEntries SET Sequence = -(Sequence + 1000000);"]);
        }

        yield return new Forgery("row", "reverse the order", [$"UPDATE LedgerEntries SET Sequence = -Sequence; UPDATE LedgerEntries SET Sequence = {Head + 1} + Sequence;"]);
        yield return new Forgery("row", "delete every entry", ["DELETE FROM LedgerEntries;"], AnchorOnly: true);
    }

    /// <summary>Edits that are not one entry's: no entry to name, but the copy must still fail.</summary>
    private static IEnumerable<Forgery> TableForgeries()
    {
        yield return new Forgery("table", "add a column the hash does not cover", ["ALTER TABLE LedgerEntries ADD COLUMN Note TEXT DEFAULT 'forged';"], NoEntry: true);
        yield return new Forgery("table", "rename a column", ["ALTER TABLE LedgerEntries RENAME COLUMN Detail TO Details;"], NoEntry: true);
        yield return new Forgery("table", "drop the table", ["DROP TABLE LedgerEntries;"], NoEntry: true);
        const string Index = "IX_LedgerEntries_SubjectId_Sequence";
        yield return new Forgery("table", "index disagrees with the table", [
            $"UPDATE LedgerEntries SET SubjectId = '00000000-0000-0000-0000-000000000000' WHERE Sequence = {AwkwardLedger.EveryColumnSet};",
            $"""PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX "{Index}" ON "LedgerEntries" ("Sequence")' WHERE name = '{Index}';""",
            $"UPDATE LedgerEntries SET SubjectId = '{LedgerStoredForm.StorageForm(AwkwardLedger.Customer)}' WHERE Sequence = {AwkwardLedger.EveryColumnSet};",
            $"""PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX "{Index}" ON "LedgerEntries" ("SubjectId", "Sequence")' WHERE name = '{Index}';"""],
            NoEntry: true);
    }

    private static string CopyRow(long from, long to) =>
        $"CREATE TEMP TABLE Forged AS SELECT * FROM LedgerEntries WHERE Sequence = {from}; UPDATE Forged SET Sequence = {to}; INSERT INTO LedgerEntries SELECT * FROM Forged;";

    private async Task<(Outcome, string?)> TryAsync(Forgery forgery)
    {
        var path = Path.Combine(folder, $"copy-{++copies}.db");
        File.Copy(pristine.Path, path);
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        var verifier = new LedgerVerifier(new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite(connectionString)));

        var untouched = await verifier.VerifyAsync(anchor);
        if (!untouched.IsIntact || untouched.Head != anchor)
        {
            return (Outcome.FalseAlarm, untouched.Problem);
        }

        var before = await RowsAsync(connectionString);
        try
        {
            foreach (var step in forgery.Steps.Length == 0 ? [DropTriggers] : forgery.Steps.Select((step, i) => i == 0 ? DropTriggers + step : step))
            {
                await ExecuteAsync(connectionString, step);
            }

            if (forgery.RewriteFrom is { } first)
            {
                await RewriteAsync(connectionString, first);
            }
        }
        catch (SqliteException)
        {
            return (Outcome.Refused, null);
        }

        var after = forgery.NoEntry ? [] : await RowsAsync(connectionString);
        if (!forgery.NoEntry && after.SequenceEqual(before))
        {
            return (Outcome.NoOp, null);
        }

        var result = await verifier.VerifyAsync(forgery.AnchorOnly ? anchor : null);
        if (forgery.AnchorOnly && !(await verifier.VerifyAsync()).IsIntact && forgery.RewriteFrom is not null)
        {
            return (Outcome.NotAConsistentRewrite, null);
        }

        long? expected = forgery.NoEntry ? null : forgery.AnchorOnly ? anchor.Sequence : FirstDifference(before, after);
        var outcome = result.IsIntact ? Outcome.Missed
            : result.FirstBadSequence != expected ? Outcome.WrongEntryNamed
            : Outcome.Caught;
        return (outcome, $"expected entry {expected}, named {result.FirstBadSequence}: {result.Problem}");
    }

    /// <summary>The entry a verifier walking in order meets first where the copy differs from the original.</summary>
    private static long FirstDifference(List<(long Sequence, string Row)> before, List<(long Sequence, string Row)> after)
    {
        var i = 0;
        while (i < before.Count && i < after.Count && before[i] == after[i])
        {
            i++;
        }

        return i < after.Count ? after[i].Sequence : Head;
    }

    /// <summary>Each row as stored: storage class and bytes of every column.</summary>
    private static async Task<List<(long Sequence, string Row)>> RowsAsync(string connectionString)
    {
        var columns = string.Join(" || '|' || ", LedgerStoredForm.Columns.Select(c => $"typeof(\"{c}\") || ':' || ifnull(hex(CAST(\"{c}\" AS BLOB)), '')"));
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT Sequence, {columns} FROM LedgerEntries ORDER BY Sequence";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<(long, string)>();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetInt64(0), reader.GetString(1)));
        }

        return rows;
    }

    /// <summary>What a careful forger does: change an entry, then recompute its hash and every later one so the chain links.</summary>
    private static async Task RewriteAsync(string connectionString, long from)
    {
        await using var db = new AppDbContext(StandaloneDbContextOptions.ForSqlite(connectionString));
        var entries = await db.LedgerEntries.AsNoTracking().Where(e => e.Sequence >= from).OrderBy(e => e.Sequence).ToListAsync();
        var previous = from == 1 ? LedgerCanonicalForm.Genesis : (await db.LedgerEntries.AsNoTracking().SingleAsync(e => e.Sequence == from - 1)).Hash;
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        foreach (var entry in entries)
        {
            var forged = new LedgerEntry
            {
                Sequence = entry.Sequence, OccurredAt = entry.OccurredAt, EventType = entry.EventType, ActorKind = entry.ActorKind,
                ActorId = entry.ActorId, SubjectId = entry.SubjectId, Source = entry.Source, RequestChannel = entry.RequestChannel,
                Reason = entry.Reason, NoticeVersion = entry.NoticeVersion, PurposeKey = entry.PurposeKey, Channel = entry.Channel,
                Before = entry.Before, After = entry.Sequence == from ? "withdrawn-by-someone-else" : entry.After, Detail = entry.Detail,
                PreviousHash = previous,
            };
            var hash = LedgerCanonicalForm.ComputeHash(forged);
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = "UPDATE LedgerEntries SET After = $after, PreviousHash = $previous, Hash = $hash WHERE Sequence = $sequence;";
            command.Parameters.AddWithValue("$after", forged.After is null ? DBNull.Value : forged.After);
            command.Parameters.AddWithValue("$previous", previous);
            command.Parameters.AddWithValue("$hash", hash);
            command.Parameters.AddWithValue("$sequence", entry.Sequence);
            await command.ExecuteNonQueryAsync();
            previous = hash;
        }

        await transaction.CommitAsync();
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // A throwaway copy needs no durability: without a sync per commit the harness runs several times faster.
        command.CommandText = "PRAGMA synchronous = OFF; " + sql;
        await command.ExecuteNonQueryAsync();
    }

    private async Task<IReadOnlyList<(string Name, string Type)>> ColumnsAsync()
    {
        await using var connection = new SqliteConnection(pristine.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name, type FROM pragma_table_info('LedgerEntries')";
        var columns = new List<(string, string)>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (name, _) in columns)
        {
            command.CommandText = $"SELECT Sequence FROM LedgerEntries WHERE \"{name}\" IS NULL";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                nullCells.Add((reader.GetInt64(0), name));
            }
        }

        return columns;
    }

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        pristine = await AwkwardLedger.CreateAsync();
        // One file holding everything, as a copy taken from a server would be.
        await pristine.ExecuteRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        anchor = (await new LedgerVerifier(pristine).VerifyAsync()).Head!;
    }

    public async Task DisposeAsync()
    {
        await pristine.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    private sealed record Forgery(string Kind, string Name, string[] Steps, bool AnchorOnly = false, long? RewriteFrom = null, bool NoEntry = false);

    private enum Outcome
    {
        Caught,
        NoOp,
        Refused,
        FalseAlarm,
        Missed,
        WrongEntryNamed,
        NotAConsistentRewrite,
    }
}
