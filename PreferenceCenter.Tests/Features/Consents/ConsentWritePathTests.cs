using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents;

/// <summary>
/// <see cref="ConsentService.SetAsync"/> writes the consent row and its ledger entry with prepared statements after a
/// tail read in the same query as the decision (ADR 0013): stored as EF would store them, chained, all or nothing.
/// </summary>
public sealed class ConsentWritePathTests
{
    private const string ConsentRow = """SELECT * FROM "Consents" WHERE lower(CAST("CustomerId" AS TEXT)) = lower(@id)""";
    private const string LastEntry = """SELECT * FROM "LedgerEntries" WHERE lower(CAST("SubjectId" AS TEXT)) = lower(@id) ORDER BY "Sequence" DESC LIMIT 1""";

    [Fact]
    public async Task Set_StoresTheRowAndEntry_ByteForByteAsSaveChangesDoes_ForANewRowAndForAnUpdate()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
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
        Assert.Equal(ConsentRules.Off, (await StoredRows.ReadAsync(fixture.Database, fixture.CustomerId, LastEntry))["After"]);
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Set_ChainsAfterWhatOtherWritersAppended_OneEntryPerChange_GapFree()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        var other = new LedgerWriter(fixture.Clock);
        for (var version = 0; version < 3; version++)
        {
            var result = await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: version % 2 == 0, expectedVersion: version));
            Assert.Equal(ConsentChangeOutcome.Saved, result.Outcome);
            await using var db = fixture.Database.CreateDbContext();
            await other.AppendAsync(db, new LedgerDraft(LedgerEventType.NoticePublished, Actor.System("test"), null, ChangeSource.System, Detail: $"other-{version}"));
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Database.CreateDbContext();
        var entries = await read.LedgerEntries.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.EventType }).ToListAsync();
        Assert.Equal([1L, 2L, 3L, 4L, 5L, 6L], entries.Select(e => e.Sequence));
        Assert.Equal(
            [LedgerEventType.ConsentGranted, LedgerEventType.NoticePublished, LedgerEventType.ConsentWithdrawn, LedgerEventType.NoticePublished,
                LedgerEventType.ConsentGranted, LedgerEventType.NoticePublished],
            entries.Select(e => e.EventType));
        Assert.Equal(3, (await read.Consents.SingleAsync()).Version);
        Assert.True((await new LedgerVerifier(fixture.Database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Set_WhenTheLedgerRefusesTheEntry_ThrowsTheFault_AndLeavesTheConsentAsItWas_ForAnUpdateAndForANewRow()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        await using (var db = fixture.Database.CreateDbContext())
        {
        }

        await fixture.Database.RefuseWritesAsync("LedgerEntries", "INSERT", "refused by the test");

        // A refusal that is not a lost race is a fault: thrown, never reported as "changed meanwhile".
        var withdrawal = await Assert.ThrowsAnyAsync<DbException>(() => fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: false, expectedVersion: 1)));
        var grant = await Assert.ThrowsAnyAsync<DbException>(() => fixture.Service.SetAsync(fixture.Change("marketing", Channel.Push, grant: true)));

        Assert.All([withdrawal, grant], e => Assert.IsType(fixture.Database.IsPostgreSql ? typeof(PostgresException) : typeof(SqliteException), e));
        Assert.All([withdrawal, grant], e => Assert.Contains("refused by the test", e.Message, StringComparison.Ordinal));
        Assert.Equal((1, 1), await fixture.CountRowsAsync());
        await using var read = fixture.Database.CreateDbContext();
        var consent = await read.Consents.SingleAsync();
        Assert.Equal((ConsentState.Granted, 1), (consent.State, consent.Version));
    }

    // The same change for another customer, written the way every other writer does: tracked, then SaveChanges.
    private static async Task WriteTrackedAsync(
        ConsentFixture fixture, LedgerWriter ledger, Guid customer, ConsentState state, LedgerEventType eventType, string before, string after)
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

    private static async Task AssertStoredAlikeAsync(TestDatabase database, Guid prepared, Guid tracked)
    {
        Assert.Equal(await StoredRows.ReadAsync(database, tracked, ConsentRow), await StoredRows.ReadAsync(database, prepared, ConsentRow));
        Assert.Equal(await StoredRows.ReadAsync(database, tracked, LastEntry), await StoredRows.ReadAsync(database, prepared, LastEntry));
    }
}
