using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.Features.Consents;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

public sealed class RowCommandTests
{
    [Fact]
    public async Task Update_OfARowChangedSinceItWasRead_ChangesNothing_AndSaysSo()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        await using var db = fixture.Database.CreateDbContext();
        var consent = await db.Consents.AsNoTracking().SingleAsync();
        await using var tx = await db.BeginWriteAsync();
        await using var update = db.PrepareUpdate<Consent>([nameof(Consent.State), nameof(Consent.Version)]);
        (consent.State, consent.Version) = (ConsentState.Withdrawn, 9);

        Assert.Equal(0, await update.ExecuteAsync(consent, [0])); // read as version 1, not 0
        Assert.Equal(1, await update.ExecuteAsync(consent, [1]));
        await tx.CommitAsync();

        await using var read = fixture.Database.CreateDbContext();
        var stored = await read.Consents.SingleAsync();
        Assert.Equal((ConsentState.Withdrawn, 9), (stored.State, stored.Version));
    }

    [Fact]
    public async Task Commands_OutsideATransaction_OrForAnUnknownProperty_AreRefused()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var db = database.CreateDbContext();

        Assert.Throws<InvalidOperationException>(() => db.PrepareInsert<LedgerEntry>());
        await using var tx = await db.BeginWriteAsync();
        var refused = Assert.Throws<ArgumentException>(() => db.PrepareUpdate<Consent>(["Colour"]));
        Assert.Contains("Consent has no property Colour", refused.Message, StringComparison.Ordinal);
        await using var update = db.PrepareUpdate<Consent>([nameof(Consent.State)]);
        await Assert.ThrowsAsync<ArgumentException>(() => update.ExecuteAsync(new Consent()));
    }

    [Fact]
    public async Task InsertWithNewKey_LeavesTheIdToTheDatabase_AndUpdatesOfOtherPropertiesAreNotMixedUp()
    {
        await using var fixture = await ConsentFixture.CreateAsync();
        await fixture.Service.SetAsync(fixture.Change("marketing", Channel.Sms, grant: true));
        await using var db = fixture.Database.CreateDbContext();
        var first = await db.Consents.AsNoTracking().SingleAsync();
        await using (var tx = await db.BeginWriteAsync())
        {
            await using (var insert = db.PrepareInsertWithNewKey<Consent>())
            {
                Assert.Equal(1, await insert.ExecuteAsync(new Consent { CustomerId = fixture.CustomerId, PurposeId = first.PurposeId, Channel = Channel.Push, State = ConsentState.Withdrawn, Version = 1 }));
            }

            // Two statement shapes of one entity: each its own SQL, however often either was built before.
            await using (var state = db.PrepareUpdate<Consent>([nameof(Consent.State)]))
            await using (var both = db.PrepareUpdate<Consent>([nameof(Consent.State), nameof(Consent.Version)]))
            {
                (first.State, first.Version) = (ConsentState.Withdrawn, 7);
                Assert.Equal(1, await state.ExecuteAsync(first, [1]));
                Assert.Equal(1, await both.ExecuteAsync(first, [1]));
            }

            await tx.CommitAsync();
        }

        await using var read = fixture.Database.CreateDbContext();
        // Read as rows and made tuples here: PostgreSQL would return a tuple built in SQL as one record.
        var rows = (await read.Consents.OrderBy(c => c.Id).Select(c => new { c.Id, c.Channel, c.State, c.Version }).ToListAsync())
            .Select(c => (c.Id, c.Channel, c.State, c.Version)).ToList();
        Assert.Equal([(first.Id, Channel.Sms, ConsentState.Withdrawn, 7), (first.Id + 1, Channel.Push, ConsentState.Withdrawn, 1)], rows);
    }
}
