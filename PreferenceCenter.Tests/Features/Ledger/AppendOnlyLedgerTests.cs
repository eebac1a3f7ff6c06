using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class AppendOnlyLedgerTests
{
    [Fact]
    public async Task SaveChanges_WhenAnEntryWasModified_IsRefusedByTheApp()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        await using var db = database.CreateDbContext();
        var entry = await db.LedgerEntries.FirstAsync();
        db.Entry(entry).Property(e => e.After).CurrentValue = "tampered";

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SaveChanges_WhenAnEntryWasRemoved_IsRefusedByTheApp()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        await using var db = database.CreateDbContext();
        db.LedgerEntries.Remove(await db.LedgerEntries.FirstAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    [Theory]
    [InlineData("""UPDATE "LedgerEntries" SET "After" = 'x' WHERE "Sequence" = 1;""")]
    [InlineData("""DELETE FROM "LedgerEntries" WHERE "Sequence" = 1;""")]
    public async Task RawSql_ThatRewritesHistory_IsRefusedByTheDatabase(string sql)
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);

        var error = await Assert.ThrowsAnyAsync<DbException>(() => database.ExecuteRawAsync(sql));

        Assert.IsType(database.IsPostgreSql ? typeof(PostgresException) : typeof(SqliteException), error);

        Assert.Contains("append-only", error.Message, StringComparison.Ordinal);
    }
}
