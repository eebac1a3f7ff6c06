using PreferenceCenter.Features.Api;
using PreferenceCenter.Features.Api.Suppressions;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data.PostgreSql;

/// <summary><see cref="SuppressionFeed"/> on PostgreSQL: the cursor and the rows come from one snapshot, as on SQLite.</summary>
public sealed class PostgreSqlSuppressionFeedTests
{
    [PostgreSqlFact]
    public async Task APull_ReadsOneSnapshot_ACustomerAddedWhileItIsOpenIsNotInIt_AndIsInTheNext()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var keys = await TestDatabase.CreateAsync();
        await using (var db = database.CreateDbContext())
        {
            await CatalogBuilder.SeedAsync(db);
            await CatalogBuilder.AddCustomerAsync(db);
        }

        var feed = new SuppressionFeed(keys.Protector, TimeProvider.System);
        await using var request = new ApiRequestDatabase(database.NewInstance());
        var outcome = await feed.OpenAsync(request, "marketing", "email", since: null, withAddresses: false, CancellationToken.None);
        await using (var pull = outcome.Pull!)
        {
            // Another instance registers a customer (never asked: suppressed) after the pull read its cursor.
            await using (var other = database.CreateDbContext())
            {
                await CatalogBuilder.AddCustomerAsync(other);
            }

            var rows = await pull.Rows.ToListAsync();

            Assert.True(pull.IsFullList);
            Assert.Equal(0, pull.Next.Sequence);
            Assert.Single(rows, r => r.Suppressed);
        }

        await using var next = new ApiRequestDatabase(database.NewInstance());
        await using var later = (await feed.OpenAsync(next, "marketing", "email", since: null, withAddresses: false, CancellationToken.None)).Pull!;
        Assert.Equal(2, (await later.Rows.ToListAsync()).Count);
    }

    [PostgreSqlFact]
    public async Task AnUnknownPurpose_IsAnError()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var keys = await TestDatabase.CreateAsync();
        var feed = new SuppressionFeed(keys.Protector, TimeProvider.System);
        await using var request = new ApiRequestDatabase(database.NewInstance());

        var outcome = await feed.OpenAsync(request, "nothing", "email", since: null, withAddresses: false, CancellationToken.None);

        Assert.Null(outcome.Pull);
        Assert.Contains("purpose", outcome.Errors!.Keys);
    }
}
