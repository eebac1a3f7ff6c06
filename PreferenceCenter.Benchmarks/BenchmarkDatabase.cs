using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Benchmarks;

/// <summary>A fresh, migrated SQLite file in WAL mode with a small catalog and some customers, deleted afterwards.</summary>
public sealed class BenchmarkDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly PooledDbContextFactory<AppDbContext> pool;

    private BenchmarkDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        // Pooled, as the app registers it.
        pool = new PooledDbContextFactory<AppDbContext>(StandaloneDbContextOptions.ForSqlite(ConnectionString));
    }

    public string Path { get; }
    public string ConnectionString { get; }
    public IReadOnlyList<Guid> Customers { get; private set; } = [];
    public int MarketingPurposeId { get; private set; }

    /// <summary>
    /// The channels a benchmark change cycles through; marketing is offered on all of them. Not email: marketing by
    /// email waits for a double opt-in and queues an email per change, a different workload from the one measured here.
    /// </summary>
    public static IReadOnlyList<Channel> Channels { get; } = [.. ChannelSetExtensions.AllChannels.Where(c => c != Channel.Email)];

    public static async Task<BenchmarkDatabase> CreateAsync(int customers)
    {
        var database = new BenchmarkDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pc-bench-{Guid.NewGuid():N}.db"));
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        db.NoticeVersions.Add(new NoticeVersion { Number = 1, PublishedAt = DateTimeOffset.UtcNow });
        var marketing = new Purpose
        {
            Key = "marketing", Kind = PurposeKind.Marketing, LegalBasis = LegalBasis.Consent, Icon = "Campaign", ValidityMonths = 24,
            OfferedChannels = ChannelSetExtensions.Of([.. Channels]),
        };
        db.Purposes.Add(marketing);
        var ids = Enumerable.Range(0, customers).Select(_ => Guid.NewGuid()).ToList();
        db.Customers.AddRange(ids.Select(id => new Customer { Id = id, UserId = id.ToString(), Reference = CustomerReference.New(), CreatedAt = DateTimeOffset.UtcNow }));
        await db.SaveChangesAsync();
        database.Customers = ids;
        database.MarketingPurposeId = marketing.Id;
        return database;
    }

    public AppDbContext CreateDbContext() => pool.CreateDbContext();

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", ".keys", ".keys-wal", ".keys-shm" })
        {
            File.Delete(Path + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
