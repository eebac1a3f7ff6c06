using Npgsql;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data.PostgreSql;

/// <summary><see cref="LedgerVerifier"/> and <c>verify-ledger</c> on PostgreSQL, against a real server.</summary>
public sealed class PostgreSqlLedgerVerifierTests
{
    // Text beyond ASCII, read back as its UTF-8 bytes; a subject; nulls; times as milliseconds.
    private static async Task<PostgreSqlTestDatabase> WithEntriesAsync(int count)
    {
        var database = await PostgreSqlTestDatabase.CreateAsync();
        var writer = new LedgerWriter(TimeProvider.System);
        var subject = Guid.NewGuid();
        for (var i = 0; i < count; i++)
        {
            await using var db = database.CreateDbContext();
            await writer.AppendAsync(db, i % 2 == 0
                ? new LedgerDraft(LedgerEventType.ConsentGranted, Actor.Customer(subject), subject, ChangeSource.Web, 1, "marketing", Channel.Email,
                    "not-given", "granted", Detail: $"entrée {i + 1} ✓ 😀")
                : new LedgerDraft(LedgerEventType.FeedbackGiven, Actor.System("job"), null, ChangeSource.System));
            await db.SaveChangesAsync();
        }

        return database;
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(PostgreSqlTestDatabase database, params string[] args)
    {
        using var output = new StringWriter();
        var settings = new DatabaseSettings(DatabaseProvider.PostgreSQL, database.ConnectionString, "");
        var exitCode = await VerifyLedgerCommand.RunAsync([VerifyLedgerCommand.Name, .. args], settings, output);
        return (exitCode, output.ToString().Trim());
    }

    // As someone with the superuser's password could: switch the append-only triggers off, edit, switch them on.
    private static Task ForgeAsync(PostgreSqlTestDatabase database, string sql) => database.ExecuteRawAsync(
        $"ALTER TABLE \"LedgerEntries\" DISABLE TRIGGER USER; {sql}; ALTER TABLE \"LedgerEntries\" ENABLE TRIGGER USER;");

    [PostgreSqlFact]
    public async Task ACleanLedger_Verifies_AndTheCommandExitsZeroWithTheHead_ThenWithItsAnchor()
    {
        await using var database = await WithEntriesAsync(3);

        var result = await new LedgerVerifier(database.NewInstance()).VerifyAsync();
        var (exitCode, output) = await RunAsync(database);
        var (anchoredExit, anchored) = await RunAsync(database, "--anchor", result.Head!.ToString());

        Assert.True(result.IsIntact, result.Problem);
        Assert.Equal((3L, 3L), (result.EntriesChecked, result.Head.Sequence));
        Assert.Equal((string?)await database.ScalarAsync("SELECT \"Hash\" FROM \"LedgerEntries\" WHERE \"Sequence\" = 3"), result.Head.Hash);
        Assert.Equal(0, exitCode);
        Assert.StartsWith($"Ledger verified: all 3 entries are intact.{Environment.NewLine}Head: {result.Head}", output, StringComparison.Ordinal);
        Assert.Equal(0, anchoredExit);
        Assert.StartsWith("Ledger verified: all 3 entries are intact, including the anchored entry 3.", anchored, StringComparison.Ordinal);
    }

    [PostgreSqlFact]
    public async Task ARowEditedWithTheTriggersOff_IsFound_AndTheCommandExitsOneNamingIt()
    {
        await using var database = await WithEntriesAsync(3);
        await ForgeAsync(database, "UPDATE \"LedgerEntries\" SET \"Detail\" = 'rewritten' WHERE \"Sequence\" = 1");

        var result = await new LedgerVerifier(database.NewInstance()).VerifyAsync();
        var (exitCode, output) = await RunAsync(database);

        Assert.Equal((1L, "its content does not match its hash (the row was altered)"), (result.FirstBadSequence, result.Problem));
        Assert.Equal(
            (1, "Ledger verification FAILED at entry 1: its content does not match its hash (the row was altered). 0 entries before it verified."),
            (exitCode, output));
    }

    [PostgreSqlFact]
    public async Task ADeletedRow_OrARewrittenSubject_IsFound()
    {
        await using var database = await WithEntriesAsync(3);
        await ForgeAsync(database, "DELETE FROM \"LedgerEntries\" WHERE \"Sequence\" = 2");
        Assert.Equal((3L, "entry 2 is missing (the next entry found is 3)"), await FirstBadAsync(database));

        await using var other = await WithEntriesAsync(1);
        await ForgeAsync(other, $"UPDATE \"LedgerEntries\" SET \"SubjectId\" = '{Guid.NewGuid()}'");
        Assert.Equal((1L, "its content does not match its hash (the row was altered)"), await FirstBadAsync(other));
    }

    [PostgreSqlFact]
    public async Task ATableWithAColumnRetypedOrAdded_IsRefusedNamingIt()
    {
        await using var database = await WithEntriesAsync(2);
        await database.ExecuteRawAsync("ALTER TABLE \"LedgerEntries\" ALTER COLUMN \"EventType\" TYPE text");
        Assert.Equal(
            (1, "Ledger verification FAILED: the LedgerEntries table's columns were changed (EventType is text where the writer stores integer)."),
            await RunAsync(database));

        await database.ExecuteRawAsync("ALTER TABLE \"LedgerEntries\" ALTER COLUMN \"EventType\" TYPE integer USING \"EventType\"::integer; ALTER TABLE \"LedgerEntries\" ADD COLUMN \"Note\" text");
        Assert.Equal(
            (1, "Ledger verification FAILED: the LedgerEntries table's columns were changed (not covered by the hash: Note)."),
            await RunAsync(database));
    }

    [PostgreSqlFact]
    public async Task ADatabaseThatIsNotThere_OrHasNoLedger_ExitsThree_AndTheCommandWritesNothing()
    {
        await using var empty = await PostgreSqlTestDatabase.CreateAsync(migrate: false);
        var missing = new NpgsqlConnectionStringBuilder(empty.ConnectionString) { Database = $"pc_none_{Guid.NewGuid():N}" }.ConnectionString;
        using var output = new StringWriter();

        var (noLedgerExit, noLedger) = await RunAsync(empty);
        var noDatabaseExit = await VerifyLedgerCommand.RunAsync([VerifyLedgerCommand.Name], new DatabaseSettings(DatabaseProvider.PostgreSQL, missing, ""), output);

        Assert.Equal(3, noLedgerExit);
        Assert.StartsWith("Ledger verification FAILED: the database has no LedgerEntries table (is it the app's database?). Database: pc_test_", noLedger, StringComparison.Ordinal);
        Assert.Equal(3, noDatabaseExit);
        Assert.StartsWith("Ledger verification FAILED: the database cannot be read (3D000", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(0L, await empty.ScalarAsync("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    /// <summary>PostgreSQL's text refuses NUL (22021): ledger text keeps it as U+FFFD, as on SQLite, and the hash covers that.</summary>
    [PostgreSqlFact]
    public async Task TextWithNul_OrALoneSurrogate_IsStoredAsTheHashCoversIt_AndVerifies()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await new LedgerWriter(TimeProvider.System).AppendAsync(db, new LedgerDraft(
                LedgerEventType.FeedbackGiven, Actor.System("a\0b"), null, ChangeSource.System, Detail: "\0" + new string('x', 600) + "\0\uD83D"));
            await db.SaveChangesAsync();
        }

        Assert.Equal("\uFFFD" + new string('x', 600) + "\uFFFD\uFFFD", await database.ScalarAsync("SELECT \"Detail\" FROM \"LedgerEntries\""));
        Assert.Equal("a\uFFFDb", await database.ScalarAsync("SELECT \"ActorId\" FROM \"LedgerEntries\""));
        Assert.True((await new LedgerVerifier(database.NewInstance()).VerifyAsync()).IsIntact);
    }

    private static async Task<(long?, string?)> FirstBadAsync(PostgreSqlTestDatabase database)
    {
        var result = await new LedgerVerifier(database.NewInstance()).VerifyAsync();
        return (result.FirstBadSequence, result.Problem);
    }
}
