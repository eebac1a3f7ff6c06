using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class LedgerVerifierTests
{
    [Fact]
    public async Task Verify_WhenNothingWasTouched_ReportsEveryEntryIntact()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.EntriesChecked);
    }

    [Fact]
    public async Task Verify_WhenLedgerIsEmpty_ReportsIntact()
    {
        await using var database = await TestDatabase.CreateAsync();

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(new LedgerVerification(0, null, null), result);
    }

    [Theory]
    [InlineData("After", "'granted'", "'grantee'")]
    [InlineData("ActorId", "ActorId", "\"ActorId\" || 'x'")]
    [InlineData("PurposeKey", "'marketing'", "'marketinG'")]
    [InlineData("OccurredAt", "OccurredAt", "\"OccurredAt\" + 1")]
    [InlineData("EventType", "EventType", "101")]
    [InlineData("Channel", "Channel", "2")]
    [InlineData("Reason", "NULL", "'x'")]
    [InlineData("Hash", "Hash", "(CASE substr(\"Hash\", 1, 1) WHEN '0' THEN '1' ELSE '0' END) || substr(\"Hash\", 2)")]
    public async Task Verify_WhenOneValueOfOneRowIsAltered_NamesThatRow(string column, string _, string newValue)
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync($"""UPDATE "LedgerEntries" SET "{column}" = {newValue} WHERE "Sequence" = 3;""");

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(3, result.FirstBadSequence);
        Assert.Equal(2, result.EntriesChecked);
    }

    [Fact]
    [SqliteOnly("flips a bit in the SQLite file; PostgreSqlLedgerVerifierTests alters rows on PostgreSQL")]
    public async Task Verify_WhenASingleByteOfTheFileChanges_FindsTheAlteredRow()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await using (var db = database.CreateDbContext())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        var bytes = await File.ReadAllBytesAsync(database.Path);
        // Each fixture entry carries a unique marker; flip one bit of entry 4's in the raw file.
        bytes[IndexOf(bytes, "entry-4"u8) + 6] ^= 0x01;
        await File.WriteAllBytesAsync(database.Path, bytes);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(4, result.FirstBadSequence);
        Assert.Contains("altered", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenARowIsDeleted_NamesTheEntryAfterTheGap()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("""DELETE FROM "LedgerEntries" WHERE "Sequence" = 2;""");

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("entry 2 is missing", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WhenTwoRowsSwapPlaces_NamesTheFirstMovedRow()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("""
            UPDATE "LedgerEntries" SET "Sequence" = -1 WHERE "Sequence" = 2;
            UPDATE "LedgerEntries" SET "Sequence" = 2 WHERE "Sequence" = 4;
            UPDATE "LedgerEntries" SET "Sequence" = 4 WHERE "Sequence" = -1;
            """);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(2, result.FirstBadSequence);
    }

    [Fact]
    public async Task Verify_WhenARowIsDeletedAndTheRestRenumbered_StillCatchesIt()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("""
            DELETE FROM "LedgerEntries" WHERE "Sequence" = 3;
            UPDATE "LedgerEntries" SET "Sequence" = "Sequence" - 1 WHERE "Sequence" > 3;
            """);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(3, result.FirstBadSequence);
    }

    // Each stored value differs from what the writer stores but reads back (through the provider) as the same value,
    // so the hash still matched: the old verifier passed every one while SQL filters no longer found the row.
    [Theory]
    [SqliteOnly("SQLite's columns take a value of any type; PostgreSQL's are typed, and PostgreSqlLedgerTable checks each column's declared type (PostgreSqlLedgerVerifierTests)")]
    [InlineData("SubjectId", "lower(SubjectId)")]
    [InlineData("SubjectId", "'{' || SubjectId || '}'")]
    [InlineData("SubjectId", "CAST(SubjectId AS BLOB)")]
    [InlineData("OccurredAt", "OccurredAt + 0.25")]
    [InlineData("OccurredAt", "CAST(OccurredAt AS TEXT) || ' ms'")]
    [InlineData("EventType", "CAST(EventType AS BLOB)")]
    [InlineData("ActorKind", "ActorKind + 0.5")]
    [InlineData("ActorId", "CAST(ActorId AS BLOB)")]
    [InlineData("NoticeVersion", "NoticeVersion + 0.25")]
    [InlineData("Channel", "CAST(Channel AS BLOB)")]
    [InlineData("PurposeKey", "CAST(PurposeKey AS BLOB)")]
    [InlineData("Detail", "CAST(Detail AS BLOB)")]
    [InlineData("PreviousHash", "CAST(PreviousHash AS BLOB)")]
    public async Task Verify_WhenAValueIsStoredInAnotherFormThatReadsTheSame_NamesTheRowAndColumn(string column, string newValue)
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync($"UPDATE LedgerEntries SET {column} = {newValue} WHERE Sequence = 3;");

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains($"its {column} ", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    [SqliteOnly("a GUID stored as lower-case text: PostgreSQL stores a uuid, which has one form")]
    public async Task Verify_WhenASubjectIsStoredInLowerCase_CatchesWhatTheHistoryNoLongerShows()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await using var db = database.CreateDbContext();
        var subject = (await db.LedgerEntries.FirstAsync()).SubjectId!.Value;
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("UPDATE LedgerEntries SET SubjectId = lower(SubjectId) WHERE Sequence = 3;");

        var history = await new HistoryService(database, database.Protector).GetPageAsync(subject, 1);
        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(4, history.TotalCount); // the customer no longer sees entry 3
        Assert.Equal(3, result.FirstBadSequence);
        Assert.Contains("SubjectId is not a GUID in the writer's form", result.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-7)]
    public async Task Verify_WhenARowIsNumberedBeforeTheChainStarts_NamesIt(long sequence)
    {
        await using var database = await LedgerFixture.WithEntriesAsync(3);
        await database.ExecuteRawAsync($"""
            CREATE TEMP TABLE "Forged" AS SELECT * FROM "LedgerEntries" WHERE "Sequence" = 2;
            UPDATE "Forged" SET "Sequence" = {sequence};
            INSERT INTO "LedgerEntries" SELECT * FROM "Forged";
            """);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(sequence, result.FirstBadSequence);
        Assert.Equal($"an entry numbered {sequence} is outside the chain, which starts at 1", result.Problem);
    }

    [Fact]
    public async Task Verify_WhenTheTableGainsAColumn_ReportsTheUncoveredColumn()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        await database.ExecuteRawAsync("""ALTER TABLE "LedgerEntries" ADD COLUMN "Note" TEXT DEFAULT 'forged';""");

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.False(result.IsIntact);
        Assert.Null(result.FirstBadSequence);
        Assert.Contains("not covered by the hash: Note", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheColumnsItChecks_AreExactlyTheColumnsTheAppMaps()
    {
        using var db = new AppDbContext(StandaloneDbContextOptions.ForSqlite("Data Source=:memory:"));
        var mapped = db.Model.FindEntityType(typeof(LedgerEntry))!.GetProperties().Select(p => p.GetColumnName());

        Assert.Equal(mapped.Order(StringComparer.Ordinal), LedgerStoredForm.Columns.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The index the history and the export search by is edited to disagree with the table (the row's index entry
    /// names another customer) while the table itself still links and hashes clean.
    /// </summary>
    [Fact]
    [SqliteOnly("edits the index's definition through PRAGMA writable_schema, which only SQLite has")]
    public async Task Verify_WhenTheSubjectIndexDisagreesWithTheTable_ReportsIt()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await using var db = database.CreateDbContext();
        var subject = (await db.LedgerEntries.FirstAsync()).SubjectId!.Value;
        await LedgerFixture.DropTriggersAsync(database);
        const string Index = "IX_LedgerEntries_SubjectId_Sequence";
        await database.ExecuteRawAsync("UPDATE LedgerEntries SET SubjectId = '00000000-0000-0000-0000-000000000000' WHERE Sequence = 3;");
        await database.ExecuteRawAsync($"""PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX "{Index}" ON "LedgerEntries" ("Sequence")' WHERE name = '{Index}';""");
        await database.ExecuteRawAsync($"UPDATE LedgerEntries SET SubjectId = '{LedgerStoredForm.StorageForm(subject)}' WHERE Sequence = 3;");
        await database.ExecuteRawAsync($"""PRAGMA writable_schema = ON; UPDATE sqlite_schema SET sql = 'CREATE INDEX "{Index}" ON "LedgerEntries" ("SubjectId", "Sequence")' WHERE name = '{Index}';""");

        var history = await new HistoryService(database, database.Protector).GetPageAsync(subject, 1);
        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(4, history.TotalCount); // read through the index, entry 3 is gone
        Assert.False(result.IsIntact);
        Assert.Contains("index is damaged or was edited outside SQLite", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    [SqliteOnly("overwrites a page of the SQLite file and expects SQLite's 'malformed' error")]
    public async Task Verify_WhenTheLedgersPageIsDamaged_ReportsInsteadOfThrowing()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        LedgerFixture.DamageLedgerPage(database.Path);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.True(result.DatabaseUnreadable);
        Assert.StartsWith("the database cannot be read (SQLite Error 11: 'database disk image is malformed", result.Problem, StringComparison.Ordinal);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0, "The value to alter was not found in the database file.");
        return index;
    }
}
