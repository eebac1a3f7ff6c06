using Microsoft.EntityFrameworkCore;
using Npgsql;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Batch;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Consents;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data.PostgreSql;

/// <summary>
/// <see cref="ConsentService.SetAsync"/>'s prepared statements (ADR 0013) on PostgreSQL: stored as EF stores them,
/// chained, and a lost race (a row added or changed, the ledger's next sequence taken) a conflict as on SQLite.
/// </summary>
public sealed class PostgreSqlConsentWriteTests
{
    [PostgreSqlFact]
    public async Task Set_StoresTheRowAndEntry_AsSaveChangesDoes_ForANewRowAndForAnUpdate_AndTheLedgerVerifies()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        Guid tracked;
        await using (var db = fixture.Database.CreateDbContext())
        {
            tracked = await CatalogBuilder.AddCustomerAsync(db);
        }

        var ledger = new LedgerWriter(fixture.Clock);
        Assert.Equal(ConsentChangeOutcome.Saved, (await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true))).Outcome);
        await WriteTrackedAsync(fixture, ledger, tracked, ConsentState.Granted, LedgerEventType.ConsentGranted, ConsentRules.NotGiven, ConsentRules.On);
        await AssertStoredAlikeAsync(fixture.Database, fixture.CustomerId, tracked);

        fixture.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(ConsentChangeOutcome.Saved, (await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: false, expectedVersion: 1))).Outcome);
        await WriteTrackedAsync(fixture, ledger, tracked, ConsentState.Withdrawn, LedgerEventType.ConsentWithdrawn, ConsentRules.On, ConsentRules.Off);
        await AssertStoredAlikeAsync(fixture.Database, fixture.CustomerId, tracked);

        await using var read = fixture.Database.CreateDbContext();
        var mine = await read.Consents.AsNoTracking().SingleAsync(c => c.CustomerId == fixture.CustomerId);
        Assert.Equal((ConsentState.Withdrawn, 2, ConsentFixture.Now.AddDays(1)), (mine.State, mine.Version, mine.ChangedAt));
        var entries = await read.LedgerEntries.Where(e => e.SubjectId == fixture.CustomerId).OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([LedgerEventType.ConsentGranted, LedgerEventType.ConsentWithdrawn], entries.Select(e => e.EventType));
        Assert.All(entries, e => Assert.Equal(LedgerCanonicalForm.ComputeHash(e), e.Hash));
        var verified = await new LedgerVerifier(fixture.Database.NewInstance()).VerifyAsync();
        Assert.True(verified.IsIntact, verified.Problem);
        Assert.Equal(4, verified.EntriesChecked);
    }

    /// <summary>
    /// An import gives its new consent rows ids itself; on PostgreSQL those used to be counted on from MAX(Id), past
    /// the identity sequence, so the next customer's first consent collided with them and read as a conflict.
    /// </summary>
    [PostgreSqlFact]
    public async Task AfterAnImport_TheNextNewConsentIsSaved_NotRefusedByTheImportedRowsKey()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        await using (var db = fixture.CreateDbContext())
        {
            await using var tx = await db.BeginWriteAsync();
            await using (var entries = await new LedgerWriter(fixture.Clock).BeginBatchAsync(db))
            {
                var imported = new ImportedConsent(
                    new ConsentChange(fixture.CustomerId, "marketing", Channel.Sms, true, ConsentChange.AnyVersion, Actor.System("import"), ChangeSource.Import, "{}"),
                    ConsentFixture.Now.AddDays(-1), Confirmed: true, NoticeVersion: null);
                await using var batch = await fixture.Service.BeginImportAsync(db, entries, [imported]);
                Assert.Equal(ConsentChangeOutcome.Saved, (await batch.WriteAsync(imported, fixture.Clock.GetUtcNow())).Outcome);
            }

            await tx.CommitAsync();
        }

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Push, grant: true));

        Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
        Assert.Equal((2L, 2L), await fixture.CountRowsAsync());
    }

    [PostgreSqlFact]
    public async Task Set_WhenTheConsentRowIsAddedMeanwhile_ReportsAConflict_AndWritesNothing()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        fixture.RunBefore("INSERT INTO \"Consents\"", async () =>
        {
            // Another instance's change to the same consent commits between this one's read and its insert.
            await using var other = fixture.Database.CreateDbContext();
            var purpose = await other.Purposes.SingleAsync(p => p.Key == "marketing");
            var consent = new Consent { CustomerId = fixture.CustomerId, PurposeId = purpose.Id, Channel = Channel.Push };
            ConsentTransition.Apply(consent, ConsentState.Withdrawn, purpose, 1, ChangeSource.Web, ConsentFixture.Now);
            other.Consents.Add(consent);
            await other.SaveChangesAsync();
        });

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Push, grant: true));

        Assert.Null(fixture.BeforeWrite);
        Assert.Equal(ConsentChangeOutcome.Conflict, result.Outcome);
        Assert.Equal((false, 1), (result.Current!.IsOn, result.Current.Version));
        Assert.Equal((1L, 0L), await fixture.CountRowsAsync());
    }

    [PostgreSqlFact]
    public async Task Set_WhenTheConsentRowChangesMeanwhile_ReportsAConflict_AndOverwritesNothing()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        fixture.RunBefore("UPDATE \"Consents\"", () =>
            fixture.Database.ExecuteRawAsync("UPDATE \"Consents\" SET \"State\" = 0, \"Version\" = \"Version\" + 1"));

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: false, expectedVersion: 1));

        Assert.Null(fixture.BeforeWrite);
        Assert.Equal(ConsentChangeOutcome.Conflict, result.Outcome);
        Assert.Equal(2, result.Current!.Version);
        Assert.Equal((1L, 1L), await fixture.CountRowsAsync());
    }

    [PostgreSqlFact]
    public async Task Set_WhenTheLedgersNextSequenceIsTakenMeanwhile_ReportsAConflict_AndTheConsentStaysAsItWas()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        fixture.RunBefore("INSERT INTO \"LedgerEntries\"", async () =>
        {
            // A client that appends without the write lock: only the sequence's key stands in its way (ADR 0014).
            await using var other = fixture.Database.CreateDbContext();
            await new LedgerWriter(TimeProvider.System).AppendAsync(other, new LedgerDraft(LedgerEventType.FeedbackGiven, Actor.System("other"), null, ChangeSource.System));
            await other.SaveChangesAsync();
        });

        var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: false, expectedVersion: 1));

        Assert.Null(fixture.BeforeWrite);
        Assert.Equal(ConsentChangeOutcome.Conflict, result.Outcome);
        Assert.Equal((true, 1), (result.Current!.IsOn, result.Current.Version));
        Assert.Equal((1L, 2L), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database.NewInstance()).VerifyAsync()).IsIntact);
    }

    [PostgreSqlFact]
    public async Task Set_WhenTwoWritersRaceOnTheSameConsent_OneWinsAndTheOtherIsToldNothingIsLost()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        var start = new TaskCompletionSource();

        var racers = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await start.Task;
            return await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Push, grant: true));
        })).ToArray();
        start.SetResult();
        var results = await Task.WhenAll(racers);

        Assert.Equal([ConsentChangeOutcome.Saved, ConsentChangeOutcome.Conflict], results.Select(r => r.Outcome).Order());
        Assert.Equal((1L, 1L), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database.NewInstance()).VerifyAsync()).IsIntact);
    }

    [PostgreSqlFact]
    public async Task WithdrawMany_GroupCommitsOnPostgreSql_OneEntryEach_AndTheLedgerVerifies()
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Push, grant: true));

        var results = await fixture.Service.WithdrawManyAsync(
            [fixture.Change("marketing", Channel.Sms, grant: false, expectedVersion: 1), fixture.Change("marketing", Channel.Push, grant: false, expectedVersion: 1)]);

        Assert.All(results, r => Assert.Equal((ConsentChangeOutcome.Saved, false, 2), (r.Outcome, r.Current!.IsOn, r.Current.Version)));
        Assert.Equal((2L, 4L), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database.NewInstance()).VerifyAsync()).IsIntact);
    }

    /// <summary>
    /// A burst of one-click unsubscribes on PostgreSQL was held to a few hundred a second by round trips: the group
    /// commit's single writer sent each withdrawal's update and ledger insert one statement at a time and waited on
    /// each. The batch's writes now go in one round trip, so the commands sent do not grow with the batch.
    /// </summary>
    [PostgreSqlFact]
    public async Task WithdrawMany_OnPostgreSql_SendsTheBatchsWritesInOneRoundTrip_HoweverManyWithdrawals()
    {
        var two = await CommandsToWithdrawAsync([Channel.Sms, Channel.Push]);
        var four = await CommandsToWithdrawAsync([Channel.Sms, Channel.Push, Channel.Phone, Channel.Post]);

        Assert.True(two > 0, "Npgsql reported no command at all: the count would prove nothing.");
        Assert.Equal(two, four);
    }

    // The commands (round trips) Npgsql runs on the fixture's database while one batch withdraws these consents.
    private static async Task<int> CommandsToWithdrawAsync(Channel[] channels)
    {
        await using var fixture = await PostgreSqlConsentFixture.CreateAsync();
        foreach (var channel in channels)
        {
            await fixture.Service.SetAsync(fixture.Change("marketing", channel, grant: true));
        }

        var commands = 0;
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == "Npgsql",
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.TagObjects.Any(tag => tag.Value as string == fixture.Database.Name))
                {
                    Interlocked.Increment(ref commands);
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        var results = await fixture.Service.WithdrawManyAsync([.. channels.Select(c => fixture.Change("marketing", c, grant: false, expectedVersion: 1))]);
        var sent = Volatile.Read(ref commands);

        Assert.All(results, r => Assert.Equal((ConsentChangeOutcome.Saved, false), (r.Outcome, r.Current!.IsOn)));
        Assert.Equal((channels.Length, 2L * channels.Length), await fixture.CountRowsAsync());
        Assert.True((await new LedgerVerifier(fixture.Database.NewInstance()).VerifyAsync()).IsIntact);
        return sent;
    }

    private static async Task WriteTrackedAsync(
        PostgreSqlConsentFixture fixture, LedgerWriter ledger, Guid customer, ConsentState state, LedgerEventType eventType, string before, string after)
    {
        await using var db = fixture.Database.CreateDbContext();
        await using var tx = await db.BeginWriteAsync();
        var purpose = await db.Purposes.SingleAsync(p => p.Key == "marketing");
        var notice = await db.NoticeVersions.MaxAsync(n => n.Number);
        var consent = await db.Consents.SingleOrDefaultAsync(c => c.CustomerId == customer && c.Channel == Channel.Sms)
            ?? db.Consents.Add(new Consent { CustomerId = customer, PurposeId = purpose.Id, Channel = Channel.Sms }).Entity;
        ConsentTransition.Apply(consent, state, purpose, notice, ChangeSource.Web, fixture.Clock.GetUtcNowToMillisecond());
        await ledger.AppendAsync(db, new LedgerDraft(eventType, Actor.Customer(customer), customer, ChangeSource.Web, notice, "marketing", Channel.Sms, before, after));
        await db.SaveChangesAsync();
        await tx.CommitAsync();
    }

    private static async Task AssertStoredAlikeAsync(PostgreSqlTestDatabase database, Guid prepared, Guid tracked)
    {
        const string ConsentRow = "SELECT * FROM \"Consents\" WHERE \"CustomerId\" = @id";
        const string LastEntry = "SELECT * FROM \"LedgerEntries\" WHERE \"SubjectId\" = @id ORDER BY \"Sequence\" DESC LIMIT 1";
        Assert.Equal(await ReadRowAsync(database, tracked, ConsentRow), await ReadRowAsync(database, prepared, ConsentRow));
        Assert.Equal(await ReadRowAsync(database, tracked, LastEntry), await ReadRowAsync(database, prepared, LastEntry));
    }

    // One row as PostgreSQL holds it, each value with its type, with what differs between two customers by design masked.
    private static async Task<SortedDictionary<string, string>> ReadRowAsync(PostgreSqlTestDatabase database, Guid customer, string sql)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", customer);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = new SortedDictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            var value = reader.IsDBNull(i) ? "NULL" : reader.GetValue(i) switch
            {
                Guid id when id == customer => "customer",
                string text when text.Contains(customer.ToString(), StringComparison.OrdinalIgnoreCase) => text.Replace(customer.ToString(), "customer", StringComparison.OrdinalIgnoreCase),
                var other => Convert.ToString(other, System.Globalization.CultureInfo.InvariantCulture)!,
            };
            row[name] = $"{reader.GetDataTypeName(i)}:{(name is "Id" or "Sequence" or "PreviousHash" or "Hash" ? "…" : value)}";
        }

        return row;
    }
}
