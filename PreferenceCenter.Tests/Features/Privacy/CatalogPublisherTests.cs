using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy;

public sealed class CatalogPublisherTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));

    private static CatalogPublisher PublisherFor(TestDatabase database) => new(database, new LedgerWriter(Clock), Clock);

    [Fact]
    public async Task Publish_OnAnEmptyStore_PublishesVersionOneThatReadersSeeAndRecordsIt()
    {
        await using var database = await TestDatabase.CreateAsync();

        var number = await PublisherFor(database).PublishAsync(CatalogSamples.Valid());

        Assert.Equal(1, number);
        var notice = await new PrivacyNoticeService(database).GetCurrentAsync(CultureInfo.GetCultureInfo("en"));
        Assert.Equal((1, new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero)), (notice!.Number, notice.PublishedAt));
        Assert.Equal(["marketing", "sharing-northwind"], notice.Purposes.Select(p => p.Key));
        Assert.Equal("Northwind Travel S.r.l.", notice.Purposes[1].RecipientName);
        await using var db = database.CreateDbContext();
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal((LedgerEventType.NoticePublished, ActorKind.System, 1, (Guid?)null), (entry.EventType, entry.ActorKind, entry.NoticeVersion!.Value, entry.SubjectId));
    }

    [Fact]
    public async Task Publish_AgainWithChanges_AddsTheNextVersionAndKeepsPurposesAndTheOldTexts()
    {
        await using var database = await TestDatabase.CreateAsync();
        var publisher = PublisherFor(database);
        await publisher.PublishAsync(CatalogSamples.Valid());
        int marketingId;
        await using (var db = database.CreateDbContext())
        {
            marketingId = (await db.Purposes.SingleAsync(p => p.Key == "marketing")).Id;
        }

        var changed = CatalogSamples.Valid() with { PublishedAt = null, Purposes = [CatalogSamples.Marketing(12, Channel.Email, Channel.Post)] };
        var number = await publisher.PublishAsync(changed);

        Assert.Equal(2, number);
        await using var read = database.CreateDbContext();
        var marketing = await read.Purposes.SingleAsync(p => p.Key == "marketing");
        Assert.Equal((marketingId, 12, ChannelSet.Email | ChannelSet.Post), (marketing.Id, marketing.ValidityMonths!.Value, marketing.OfferedChannels));
        Assert.Equal(Clock.GetUtcNow(), (await read.NoticeVersions.SingleAsync(n => n.Number == 2)).PublishedAt);
        Assert.Equal(2, await read.NoticeVersions.SelectMany(n => n.PurposeTexts).CountAsync(t => t.PurposeId == marketingId));
        Assert.True((await new LedgerVerifier(database).VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Publish_ABrokenCatalog_WritesNothingAndSaysWhy()
    {
        await using var database = await TestDatabase.CreateAsync();

        var error = await Assert.ThrowsAsync<CatalogException>(() =>
            PublisherFor(database).PublishAsync(CatalogSamples.Valid() with { Purposes = [CatalogSamples.SharingWith("acme")] }));

        Assert.Contains("Purpose 'sharing-northwind' names recipient 'acme', which the catalog does not define.", error.Problems);
        await using var db = database.CreateDbContext();
        Assert.Equal((0, 0, 0), (await db.NoticeVersions.CountAsync(), await db.Purposes.CountAsync(), await db.LedgerEntries.CountAsync()));
    }
}
