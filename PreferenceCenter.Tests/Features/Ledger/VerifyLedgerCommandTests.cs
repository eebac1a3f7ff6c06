using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Support;

namespace PreferenceCenter.Tests.Features.Ledger;

public sealed class VerifyLedgerCommandTests
{
    private static async Task<(int ExitCode, string Output)> RunAsync(TestDatabase database)
    {
        await using var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<AppDbContext>>(database)
            .AddSingleton<LedgerVerifier>()
            .BuildServiceProvider();
        using var output = new StringWriter();
        var exitCode = await VerifyLedgerCommand.RunAsync(services, output);
        return (exitCode, output.ToString().Trim());
    }

    [Theory]
    [InlineData("verify-ledger", true)]
    [InlineData("--verify-ledger", true)]
    [InlineData("--urls=http://127.0.0.1:5000", false)]
    public void IsRequested_RecognisesTheCommandWithOrWithoutDashes(string argument, bool expected) =>
        Assert.Equal(expected, VerifyLedgerCommand.IsRequested([argument]));

    [Fact]
    public async Task Run_WhenTheChainIsIntact_ExitsZero()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(3);

        var (exitCode, output) = await RunAsync(database);

        Assert.Equal(0, exitCode);
        Assert.Equal("Ledger verified: all 3 entries are intact.", output);
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
