using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

/// <summary>A lost race reads as a conflict the caller reports; any other failed write is thrown, and neither leaves a row.</summary>
public sealed class WriteConflictsTests
{
    [Fact]
    public async Task TryCommit_WhenAUniqueKeyWasTakenMeanwhile_RollsBackAndReportsAConflict()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = await SeedAsync(database);
        await using (var first = database.CreateDbContext())
        {
            first.Consents.Add(NewConsent(first, customer));
            await first.SaveChangesAsync();
        }

        await using var db = database.CreateDbContext();
        await using var transaction = await db.BeginWriteAsync();
        db.Consents.Add(NewConsent(db, customer));

        Assert.False(await db.TryCommitAsync(transaction));
        Assert.Equal(1, await CountAsync(database));
    }

    [Fact]
    public async Task TryCommit_WhenTheStoreFails_ThrowsInsteadOfReportingAConflict_AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync();
        var customer = await SeedAsync(database);
        await database.RefuseWritesAsync("Consents", "INSERT", "disk fault");

        await using var db = database.CreateDbContext();
        await using (var transaction = await db.BeginWriteAsync())
        {
            db.Consents.Add(NewConsent(db, customer));
            var thrown = await Assert.ThrowsAsync<DbUpdateException>(() => db.TryCommitAsync(transaction));
            Assert.False(thrown.IsWriteConflict());
        }

        Assert.Equal(0, await CountAsync(database));
    }

    private static async Task<Guid> SeedAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await CatalogBuilder.SeedAsync(db);
        return await CatalogBuilder.AddCustomerAsync(db);
    }

    private static Consent NewConsent(AppDbContext db, Guid customer) => new()
    {
        CustomerId = customer,
        PurposeId = db.Purposes.Single(p => p.Key == "marketing").Id,
        Channel = Channel.Sms,
        State = ConsentState.Granted,
        ChangedAt = CatalogBuilder.PublishedAt,
        NoticeVersion = 1,
        Source = ChangeSource.Web,
    };

    private static async Task<int> CountAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.Consents.CountAsync();
    }
}
