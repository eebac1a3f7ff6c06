using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class VerifyLedgerCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database, params string[] args)
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<AppDbContext>>(database)
            .AddSingleton<LedgerVerifier>()
            .BuildServiceProvider();
        using var output = new StringWriter();
        var exitCode = await VerifyLedgerCommand.RunAsync([VerifyLedgerCommand.Name, .. args], services, output);
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
        await database.ExecuteRawAsync("UPDATE LedgerEntries SET ActorId = 'someone-else' WHERE Sequence = 2;");

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Ledger verification FAILED at entry 2:", output, StringComparison.Ordinal);
    }
}
