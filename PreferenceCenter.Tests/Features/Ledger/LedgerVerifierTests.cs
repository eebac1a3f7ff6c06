using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
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
    [InlineData("ActorId", "ActorId", "ActorId || 'x'")]
    [InlineData("PurposeKey", "'marketing'", "'marketinG'")]
    [InlineData("OccurredAt", "OccurredAt", "OccurredAt + 1")]
    [InlineData("EventType", "EventType", "101")]
    [InlineData("Channel", "Channel", "2")]
    [InlineData("Reason", "NULL", "'x'")]
    [InlineData("Hash", "Hash", "(CASE substr(Hash, 1, 1) WHEN '0' THEN '1' ELSE '0' END) || substr(Hash, 2)")]
    public async Task Verify_WhenOneValueOfOneRowIsAltered_NamesThatRow(string column, string _, string newValue)
    {
        await using var database = await LedgerFixture.WithEntriesAsync(5);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync($"UPDATE LedgerEntries SET {column} = {newValue} WHERE Sequence = 3;");

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(3, result.FirstBadSequence);
        Assert.Equal(2, result.EntriesChecked);
    }

    [Fact]
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
        await database.ExecuteRawAsync("DELETE FROM LedgerEntries WHERE Sequence = 2;");

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
            UPDATE LedgerEntries SET Sequence = -1 WHERE Sequence = 2;
            UPDATE LedgerEntries SET Sequence = 2 WHERE Sequence = 4;
            UPDATE LedgerEntries SET Sequence = 4 WHERE Sequence = -1;
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
            DELETE FROM LedgerEntries WHERE Sequence = 3;
            UPDATE LedgerEntries SET Sequence = Sequence - 1 WHERE Sequence > 3;
            """);

        var result = await new LedgerVerifier(database).VerifyAsync();

        Assert.Equal(3, result.FirstBadSequence);
    }

    private static int IndexOf(byte[] haystack, ReadOnlySpan<byte> needle)
    {
        var index = haystack.AsSpan().IndexOf(needle);
        Assert.True(index >= 0, "The value to alter was not found in the database file.");
        return index;
    }
}
