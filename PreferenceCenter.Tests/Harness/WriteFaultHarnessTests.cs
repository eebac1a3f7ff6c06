using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;
using Xunit.Abstractions;

namespace PreferenceCenter.Tests.Harness;

/// <summary>
/// The fault harness: a consent change (with and without the double opt-in email it queues) made while the disk fails
/// at each of its steps in turn — every command and the commit. After each failure the file passes SQLite's integrity
/// check, the ledger verifies, and the change is wholly absent (state, ledger entry and queued email together); the
/// same change then succeeds whole, exactly once. Figures in docs/architecture.md ("Crashes and faults").
/// </summary>
[SqliteOnly("injects SQLite disk I/O errors (SqliteException) and checks the file with PRAGMA integrity_check; DatabaseOutageTests covers a lost PostgreSQL server")]
public sealed class WriteFaultHarnessTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly InjectedFaults faults = new();
    private TestDatabase database = default!;
    private ServiceProvider services = default!;
    private Guid customer;

    public async Task InitializeAsync()
    {
        database = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
            customer = await CatalogBuilder.AddCustomerAsync(db);
        }

        services = LifecycleMailFactory.Services(database, new FakeTimeProvider(CatalogBuilder.PublishedAt.AddDays(1)), factory: new FaultyDatabase(database, faults));
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await database.DisposeAsync();
    }

    [Theory]
    [InlineData(Channel.Sms, true)]
    [InlineData(Channel.Sms, false)]
    [InlineData(Channel.Email, true)]
    public async Task AWriteThatFailsAtAnyStep_LeavesNothingHalfWritten_AndSucceedsWholeWhenTried(Channel channel, bool grant)
    {
        var consents = services.GetRequiredService<ConsentService>();
        ConsentChange Change() => new(customer, "marketing", channel, grant, ConsentChange.AnyVersion, Actor.Customer(customer), ChangeSource.Web);
        if (!grant)
        {
            Assert.True((await consents.SetAsync(Change() with { Grant = true })).Succeeded);
        }

        // A clean run of the same change on a copy tells how many steps it has.
        var steps = await StepsOfAsync(Change());
        Assert.True(steps >= 4, $"a change has at least a begin, a read, a write and a commit; saw {steps}");

        output.WriteLine($"{(grant ? "grant" : "withdraw")} by {channel}: {steps} steps, each failed once");
        var start = await SnapshotAsync();
        for (var step = 1; step <= steps; step++)
        {
            faults.Arm(step);
            try
            {
                var failed = await consents.SetAsync(Change());
                Assert.False(failed.Outcome == ConsentChangeOutcome.Saved, $"step {step} of {steps} failed, yet the change reported Saved");
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 10)
            {
                // Surfacing the disk's error is fine; reporting success or keeping part of the change is not.
            }
            catch (DbUpdateException e) when (e.InnerException is SqliteException { SqliteErrorCode: 10 })
            {
            }

            faults.Count();
            Assert.Equal(start, await SnapshotAsync());
            await AssertSoundAsync($"after a failure at step {step} of {steps}");
        }

        var saved = await consents.SetAsync(Change());
        Assert.Equal(ConsentChangeOutcome.Saved, saved.Outcome);
        var after = await SnapshotAsync();
        Assert.Equal(start.LedgerEntries + 1, after.LedgerEntries);
        Assert.Equal(start.QueuedMail + (channel == Channel.Email && grant ? 1 : 0), after.QueuedMail);
        Assert.NotEqual(start.Consents, after.Consents);
        await AssertSoundAsync("after the change succeeded");
    }

    private async Task<int> StepsOfAsync(ConsentChange change)
    {
        var copy = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pc-fault-copy-{Guid.NewGuid():N}.db");
        await using (var connection = new SqliteConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = $"VACUUM INTO '{copy}'";
            await command.ExecuteNonQueryAsync();
        }

        try
        {
            var counting = new InjectedFaults();
            var factory = new FaultyDatabase(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString(), counting);
            await using var copyServices = LifecycleMailFactory.Services(database, new FakeTimeProvider(CatalogBuilder.PublishedAt.AddDays(1)), factory: factory);
            counting.Count();
            Assert.Equal(ConsentChangeOutcome.Saved, (await copyServices.GetRequiredService<ConsentService>().SetAsync(change)).Outcome);
            return counting.Seen;
        }
        finally
        {
            File.Delete(copy);
        }
    }

    private async Task<Snapshot> SnapshotAsync()
    {
        await using var db = database.CreateDbContext();
        var consent = await db.Consents.AsNoTracking().Where(c => c.CustomerId == customer).OrderBy(c => c.Id)
            .Select(c => new { c.Channel, c.State, c.Version }).ToListAsync();
        return new Snapshot(
            string.Join(";", consent.Select(c => $"{c.Channel}:{c.State}:{c.Version}")),
            await db.LedgerEntries.CountAsync(),
            await db.OutboxMessages.CountAsync(m => m.CustomerId == customer));
    }

    private async Task AssertSoundAsync(string when)
    {
        Assert.Equal("ok", await SqliteIntegrity.CheckAsync(database.ConnectionString));

        var verification = await new LedgerVerifier(database).VerifyAsync();
        Assert.True(verification.IsIntact, $"{when}: {verification.Problem}");
    }

    private sealed record Snapshot(string Consents, int LedgerEntries, int QueuedMail);
}
