using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Benchmarks;

/// <summary>A fresh, migrated SQLite file in WAL mode with a small catalog and some customers, deleted afterwards.</summary>
public sealed class BenchmarkDatabase : IConsentBenchmarkDatabase
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

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:PersonalDataKeys"] = $"Data Source={Path}.keys",
    };

    /// <inheritdoc cref="BenchmarkCatalog.Channels"/>
    public static IReadOnlyList<Channel> Channels => BenchmarkCatalog.Channels;

    public static async Task<BenchmarkDatabase> CreateAsync(int customers)
    {
        var database = new BenchmarkDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pc-bench-{Guid.NewGuid():N}.db"));
        await using var db = database.CreateDbContext();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        (database.Customers, database.MarketingPurposeId) = await BenchmarkCatalog.SeedAsync(db, customers);
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
