using System.Diagnostics;
using Microsoft.Data.Sqlite;
using PreferenceCenter.Tests.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>The app's commands as an operator runs them: the real executable, exit codes and output.</summary>
public sealed class CommandLineTests : IAsyncLifetime
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"pc-cli-{Guid.NewGuid():N}");

    private readonly Dictionary<string, string?> moreSettings = [];

    private string DatabasePath => Path.Combine(folder, "cli.db");

    private Task<(int ExitCode, string Output)> RunAppAsync(params string[] args) => RunAppAsync(withKeys: true, args);

    private async Task<(int ExitCode, string Output)> RunAppAsync(bool withKeys, params string[] args)
    {
        var app = RepositoryPaths.AppDll;
        var start = new ProcessStartInfo("dotnet", [app, .. args])
        {
            WorkingDirectory = RepositoryPaths.App, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__PreferenceCenter"] = $"Data Source={DatabasePath}",
                ["ConnectionStrings__PersonalDataKeys"] = $"Data Source={Path.Combine(folder, "keys.db")}",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (name, value) in TestKeys.Settings)
        {
            start.Environment[name.Replace(":", "__", StringComparison.Ordinal)] = withKeys ? value : null;
        }

        foreach (var (name, value) in moreSettings)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        finally
        {
            // An app that started serving instead of failing must not outlive the test.
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, (await output).Trim() + (await errors).Trim());
    }

    [Fact]
    public async Task ImportCatalog_ThenVerifyLedger_PublishesAndProvesIt()
    {
        var imported = await RunAppAsync("import-catalog", Path.Combine(RepositoryPaths.App, "Data", "Seed", "catalog.json"));
        var verified = await RunAppAsync("verify-ledger");

        Assert.Equal((0, "Published notice version 1: 5 purposes in 3 languages."), imported);
        Assert.Equal(0, verified.ExitCode);
        Assert.StartsWith("Ledger verified: all 1 entries are intact.", verified.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportCatalog_WithAMalformedFile_ExitsOneSayingWhereAndPublishesNothing()
    {
        var file = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(file, """{ "purposes": [ { "key": "marketing", "kind": "Marketting" } ] }""");

        var (exitCode, output) = await RunAppAsync("import-catalog", file);

        Assert.Equal(1, exitCode);
        Assert.Contains("The catalog was not published.", output, StringComparison.Ordinal);
        Assert.Contains("$.purposes[0].kind", output, StringComparison.Ordinal);
        Assert.Equal((0, "Ledger verified: all 0 entries are intact."), await RunAppAsync("verify-ledger"));
    }

    [Fact]
    public async Task VerifyLedger_WithTheAnchorAnEarlierRunPrinted_CatchesAnEntryCutOffTheEnd()
    {
        await RunAppAsync("import-catalog", Path.Combine(RepositoryPaths.App, "Data", "Seed", "catalog.json"));
        var anchor = (await RunAppAsync("verify-ledger")).Output.Split("Head: ")[1].Split(' ')[0];
        await ExecuteAsync("DROP TRIGGER LedgerEntries_NoDelete; DELETE FROM LedgerEntries;");

        var (exitCode, output) = await RunAppAsync("verify-ledger", "--anchor", anchor);

        Assert.Equal(1, exitCode);
        Assert.Contains("before the anchored entry 1: entries were removed from the end", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLedger_AfterSomeoneEditsTheDatabaseFile_ExitsOneNamingTheEntry()
    {
        await RunAppAsync("import-catalog", Path.Combine(RepositoryPaths.App, "Data", "Seed", "catalog.json"));
        await ExecuteAsync("DROP TRIGGER LedgerEntries_NoUpdate; UPDATE LedgerEntries SET Detail = 'marketing' WHERE Sequence = 1;");

        var (exitCode, output) = await RunAppAsync("verify-ledger");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("Ledger verification FAILED at entry 1:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartingInProductionWithoutThePersonalDataKeys_FailsNamingEachSetting()
    {
        // The app itself, not a command: it must refuse to start without the keys.
        var (exitCode, output) = await RunAppAsync(withKeys: false, "--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("PersonalData:MasterKey is not configured", output, StringComparison.Ordinal);
        Assert.Contains("PersonalData:BlindIndexKey is not configured", output, StringComparison.Ordinal);
        Assert.Contains("PersonalData:SuppressionKey is not configured", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task App_WithAnUnknownDatabaseProvider_RefusesToStartNamingTheSetting()
    {
        moreSettings["Database__Provider"] = "Oracle";

        var (exitCode, output) = await RunAppAsync("--urls", "http://127.0.0.1:0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Database:Provider is 'Oracle': it must be Sqlite (the embedded default) or PostgreSQL.", output, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath));
    }

    [Fact]
    public async Task App_OnAPostgreSqlServerThatIsNotThere_ExitsTwoNamingTheHostAndWhatToCheck()
    {
        var port = LoopbackPorts.Free();
        moreSettings["Database__Provider"] = "PostgreSQL";
        moreSettings["ConnectionStrings__PreferenceCenter"] = $"Host=127.0.0.1;Port={port};Database=pc;Username=pc_app";
        moreSettings["ConnectionStrings__PersonalDataKeys"] = $"Host=127.0.0.1;Port={port};Database=pc_keys;Username=pc_app";

        var (exitCode, output) = await RunAppAsync("--urls", "http://127.0.0.1:0");

        Assert.Equal(2, exitCode);
        Assert.StartsWith($"Could not reach PostgreSQL at 127.0.0.1:{port} (ConnectionStrings:PreferenceCenter, database 'pc', user 'pc_app')", output, StringComparison.Ordinal);
        Assert.Contains("Check that the server is running, that it listens on that host and port", output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", output.Split("Check that")[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLedger_WithoutThePersonalDataKeys_RunsOnTheDatabaseAlone()
    {
        await RunAppAsync("import-catalog", Path.Combine(RepositoryPaths.App, "Data", "Seed", "catalog.json"));

        var (exitCode, output) = await RunAppAsync(withKeys: false, "verify-ledger");

        Assert.Equal(0, exitCode);
        Assert.StartsWith("Ledger verified: all 1 entries are intact.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLedger_OnADamagedDatabaseFile_ExitsThreeWithAClearMessage()
    {
        await RunAppAsync("import-catalog", Path.Combine(RepositoryPaths.App, "Data", "Seed", "catalog.json"));
        LedgerFixture.DamageLedgerPage(DatabasePath);

        var (exitCode, output) = await RunAppAsync("verify-ledger");

        Assert.Equal(3, exitCode);
        Assert.StartsWith("Ledger verification FAILED: the database cannot be read (", output, StringComparison.Ordinal);
        Assert.EndsWith($"Database: {DatabasePath}", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyLedger_WhereThereIsNoDatabase_ExitsThreeAndCreatesNone()
    {
        var (exitCode, output) = await RunAppAsync("verify-ledger");

        Assert.Equal(3, exitCode);
        Assert.Contains("unable to open database file", output, StringComparison.Ordinal);
        Assert.False(File.Exists(DatabasePath));
    }

    /// <summary>Edits the database file directly, as someone with access to the server could.</summary>
    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(folder);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}
