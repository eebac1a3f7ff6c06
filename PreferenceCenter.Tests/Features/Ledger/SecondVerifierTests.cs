using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

/// <summary>
/// tools/verify_ledger.py, written from the documented format alone in another language, reproduces the app's head:
/// the format is specified, not just implemented.
/// </summary>
[SqliteOnly("tools/verify_ledger.py reads a copy of the SQLite file")]
public sealed class SecondVerifierTests
{
    private static readonly string Script = Path.Combine(RepositoryPaths.Root, "tools", "verify_ledger.py");

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("/usr/bin/python3", [Script, .. args]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, ((await output) + (await errors)).Trim());
    }

    [Fact]
    public async Task Script_OnALedgerOfAwkwardTextWrittenByTheApp_PrintsTheAppsHead()
    {
        await using var database = await AwkwardLedger.CreateAsync();
        var app = await new LedgerVerifier(database).VerifyAsync();

        var (exitCode, output) = await RunScriptAsync(database.Path);

        Assert.True(app.IsIntact, app.Problem);
        Assert.Equal((0, $"Ledger verified: all {AwkwardLedger.EntryCount} entries are intact.\nHead: {app.Head}"), (exitCode, output));
    }

    [Fact]
    public async Task Script_WithTheAppsAnchor_Verifies()
    {
        await using var database = await AwkwardLedger.CreateAsync();
        var head = (await new LedgerVerifier(database).VerifyAsync()).Head!;

        var (exitCode, _) = await RunScriptAsync(database.Path, "--anchor", head.ToString());

        Assert.Equal(0, exitCode);
    }

    [Theory]
    [InlineData("UPDATE LedgerEntries SET Detail = Detail || ' ' WHERE Sequence = 4;", 4)]
    [InlineData("UPDATE LedgerEntries SET SubjectId = lower(SubjectId) WHERE Sequence = 3;", 3)]
    [InlineData("UPDATE LedgerEntries SET OccurredAt = OccurredAt + 0.5 WHERE Sequence = 5;", 5)]
    [InlineData("DELETE FROM LedgerEntries WHERE Sequence = 6;", 7)]
    [InlineData("CREATE TEMP TABLE Forged AS SELECT * FROM LedgerEntries WHERE Sequence = 2; UPDATE Forged SET Sequence = 0; INSERT INTO LedgerEntries SELECT * FROM Forged;", 0)]
    public async Task Script_OnATamperedCopy_ExitsOneNamingTheEntryAsTheAppDoes(string forgery, long firstBad)
    {
        await using var database = await AwkwardLedger.CreateAsync();
        await LedgerFixture.DropTriggersAsync(database);
        await database.ExecuteRawAsync(forgery);
        var app = await new LedgerVerifier(database).VerifyAsync();

        var (exitCode, output) = await RunScriptAsync(database.Path);

        Assert.Equal(firstBad, app.FirstBadSequence);
        Assert.Equal(1, exitCode);
        Assert.StartsWith($"Ledger verification FAILED at entry {firstBad}:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Script_OnAFileThatIsNotADatabase_ExitsThree()
    {
        var path = Path.Combine(Path.GetTempPath(), $"pc-garbage-{Guid.NewGuid():N}.db");
        await File.WriteAllTextAsync(path, new string('x', 8192));
        try
        {
            var (exitCode, output) = await RunScriptAsync(path);

            Assert.Equal(3, exitCode);
            Assert.StartsWith("Ledger verification FAILED: the database cannot be read", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>
    /// A lone surrogate cannot be stored as UTF-8; the writer's hash must still cover what is stored, so the entry
    /// verifies in both verifiers (input from a browser or an API client can carry one).
    /// </summary>
    [Fact]
    public async Task AnEntryWithALoneSurrogate_VerifiesInBothVerifiers()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await new LedgerWriter(new FakeTimeProvider(LedgerFixture.Start)).AppendAsync(db, new LedgerDraft(
                LedgerEventType.FeedbackGiven, Actor.Staff("staff", "lone \uD800 high, lone \uDC00 low"), null, ChangeSource.Support, Detail: "\uDBFF"));
            await db.SaveChangesAsync();
        }

        var app = await new LedgerVerifier(database).VerifyAsync();
        var (exitCode, output) = await RunScriptAsync(database.Path);

        Assert.True(app.IsIntact, app.Problem);
        Assert.Equal((0, $"Ledger verified: all 1 entries are intact.\nHead: {app.Head}"), (exitCode, output));
    }
}
