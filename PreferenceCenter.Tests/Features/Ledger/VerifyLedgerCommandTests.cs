using Microsoft.Data.Sqlite;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class VerifyLedgerCommandTests
{
    private static Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args) =>
        RunAsync(database.DatabaseSettings, args);

    private static async Task<(int ExitCode, string Output)> RunAsync(PreferenceCenter.Data.DatabaseSettings settings, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await VerifyLedgerCommand.RunAsync([VerifyLedgerCommand.Name, .. args], settings, output);
        return (exitCode, output.ToString().Trim());
    }

    // As the app runs it: from the connection string alone, with no other service.
    private static async Task<(int ExitCode, string Output)> RunAsync(string connectionString, params string[] args)
    {
        using var output = new StringWriter();
        var exitCode = await VerifyLedgerCommand.RunAsync([VerifyLedgerCommand.Name, .. args], connectionString, output);
        return (exitCode, output.ToString().Trim());
    }

    [Theory]
    [InlineData("verify-ledger", true)]
    [InlineData("--verify-ledger", true)]
    [InlineData("--urls=http://127.0.0.1:5000", false)]
    public void IsRequested_RecognisesTheCommandWithOrWithoutDashes(string argument, bool expected) =>
        Assert.Equal(expected, VerifyLedgerCommand.IsRequested([argument]));

    [Fact]
    public async Task Run_WhenTheChainIsIntact_ExitsZeroAndPrintsTheHeadToKeep()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(3);
        var head = (await new LedgerVerifier(database).VerifyAsync()).Head!;

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["Ledger verified: all 3 entries are intact.", $"Head: {head}  (keep this outside the database; 'verify-ledger --anchor {head}' later proves nothing up to it was removed or changed)"],
            output.Split(Environment.NewLine));
    }

    [Fact]
    public async Task Run_WithTheAnchorItPrinted_ExitsZero()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(3);
        var head = (await new LedgerVerifier(database).VerifyAsync()).Head!;

        var (exitCode, output) = await RunAsync(database, "--anchor", head.ToString());

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Ledger verified: all 3 entries are intact, including the anchored entry 3.", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--anchor")]
    [InlineData("--anchor", "3:nothex")]
    public async Task Run_WithAMalformedAnchor_ExitsTwoExplainingTheFormat(params string[] args)
    {
        await using var database = await LedgerFixture.WithEntriesAsync(1);

        var (exitCode, output) = await RunAsync(database, args);

        Assert.Equal(2, exitCode);
        Assert.StartsWith("Usage: verify-ledger [--anchor N:HASH]", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WhenAnEntryWasAltered_ExitsOneNamingIt()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(3);
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync("""UPDATE "LedgerEntries" SET "ActorId" = 'someone-else' WHERE "Sequence" = 2;""");

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Ledger verification FAILED at entry 2:", output, StringComparison.Ordinal);
    }

    [Fact]
    [SqliteOnly("overwrites a page of the SQLite file")]
    public async Task Run_WhenTheLedgersPageIsDamaged_ExitsThreeSayingTheDatabaseCannotBeRead()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(3);
        LedgerFixture.DamageLedgerPage(database.Path);

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal(3, exitCode);
        Assert.StartsWith("Ledger verification FAILED: the database cannot be read (SQLite Error 11", output, StringComparison.Ordinal);
        Assert.EndsWith($"Database: {database.Path}", output, StringComparison.Ordinal);
    }

    [Fact]
    [SqliteOnly("overwrites the SQLite file")]
    public async Task Run_WhenTheFileIsNotADatabase_ExitsThree()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(1);
        SqliteConnection.ClearAllPools();
        File.Delete(database.Path + "-wal");
        File.Delete(database.Path + "-shm");
        await File.WriteAllTextAsync(database.Path, new string('x', 8192));

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal(3, exitCode);
        Assert.StartsWith("Ledger verification FAILED: the database cannot be read (", output, StringComparison.Ordinal);
        Assert.Contains("file is not a database", output, StringComparison.Ordinal);
    }

    [Fact]
    [SqliteOnly("a SQLite path; PostgreSqlLedgerVerifierTests has no database / no ledger on PostgreSQL")]
    public async Task Run_WhereThereIsNoDatabase_ExitsThreeAndCreatesNone()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-none-{Guid.NewGuid():N}.db");

        var (exitCode, output) = await RunAsync($"Data Source={path}");

        Assert.Equal(3, exitCode);
        Assert.StartsWith("Ledger verification FAILED: the database cannot be read (", output, StringComparison.Ordinal);
        Assert.Contains("unable to open database file", output, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    [SqliteOnly("an empty SQLite file; PostgreSqlLedgerVerifierTests has no database / no ledger on PostgreSQL")]
    public async Task Run_WhenTheDatabaseHasNoLedger_ExitsThree()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-empty-{Guid.NewGuid():N}.db");
        await File.WriteAllBytesAsync(path, []);
        try
        {
            var (exitCode, output) = await RunAsync($"Data Source={path}");

            Assert.Equal((3, $"Ledger verification FAILED: the database has no LedgerEntries table (is it the app's database?). Database: {path}"), (exitCode, output));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Run_WhenTheTableGainedAColumn_ExitsOneNamingIt()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        await database.ExecuteRawAsync("""ALTER TABLE "LedgerEntries" ADD COLUMN "Note" TEXT;""");

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal((1, "Ledger verification FAILED: the LedgerEntries table's columns were changed (not covered by the hash: Note)."), (exitCode, output));
    }
}
