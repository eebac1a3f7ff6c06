using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Retention;

/// <summary>The catalog document carries each purpose's retention; left out, the officer's period stays.</summary>
public sealed class CatalogRetentionTests
{
    private static readonly FakeTimeProvider Clock = new(RetentionFixture.Now);

    [Theory]
    [InlineData(-1, "Purpose 'marketing' keeps its data -1 days after consent ends; between 0 and 3650, or leave it out to keep the current period.")]
    [InlineData(3651, "Purpose 'marketing' keeps its data 3651 days after consent ends; between 0 and 3650, or leave it out to keep the current period.")]
    public void Check_RetentionOutOfBounds_SaysSo(int days, string problem)
    {
        var catalog = CatalogSamples.Valid() with { Purposes = [CatalogSamples.Marketing() with { RetentionAfterEndDays = days }] };

        Assert.Equal([problem], CatalogRules.Check(catalog));
    }

    [Fact]
    public async Task Publish_SetsTheRetention_AndACatalogThatLeavesItOutKeepsIt()
    {
        await using var database = await TestDatabase.CreateAsync();
        var publisher = new CatalogPublisher(database, new LedgerWriter(Clock), Clock);
        await publisher.PublishAsync(CatalogSamples.Valid() with { Purposes = [CatalogSamples.Marketing() with { RetentionAfterEndDays = 30 }] });
        Assert.Equal(30, await DaysAsync(database));

        await publisher.PublishAsync(CatalogSamples.Valid() with { PublishedAt = null, Purposes = [CatalogSamples.Marketing(12)] });

        Assert.Equal(30, await DaysAsync(database));
    }

    private static async Task<int?> DaysAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return (await db.Purposes.SingleAsync(p => p.Key == "marketing")).RetentionAfterEndDays;
    }
}
