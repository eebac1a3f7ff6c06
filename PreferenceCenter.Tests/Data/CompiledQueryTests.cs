using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PreferenceCenter.Data;
using PreferenceCenter.Tests.Features.Ledger;

namespace PreferenceCenter.Tests.Data;

public sealed class CompiledQueryTests
{
    [Fact]
    public async Task For_ContextsWithDifferentModels_GivesEachItsOwnWorkingQuery()
    {
        await using var database = await LedgerFixture.WithEntriesAsync(2);
        var query = new CompiledQuery<Func<AppDbContext, Task<int>>>(() => EF.CompileAsyncQuery((AppDbContext db) => db.LedgerEntries.Count()));
        // Without EF's provider cache the second options get their own internal services and so their own model,
        // as a second app host in the same process does.
        await using var first = database.CreateDbContext();
        await using var second = database.IsPostgreSql
            ? new PooledDbContextFactory<PostgreSqlAppDbContext>(
                new DbContextOptionsBuilder<PostgreSqlAppDbContext>(StandaloneDbContextOptions.ForPostgreSql(database.ConnectionString)).EnableServiceProviderCaching(false).Options)
                .CreateDbContext()
            : new PooledDbContextFactory<AppDbContext>(
                new DbContextOptionsBuilder<AppDbContext>(StandaloneDbContextOptions.ForSqlite(database.ConnectionString)).EnableServiceProviderCaching(false).Options)
                .CreateDbContext();

        Assert.NotSame(first.Model, second.Model);
        Assert.Equal(2, await query.For(first)(first));
        Assert.Equal(2, await query.For(second)(second));
    }
}
