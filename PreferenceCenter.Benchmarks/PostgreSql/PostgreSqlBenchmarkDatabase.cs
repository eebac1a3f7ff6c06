using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Benchmarks.PostgreSql;

/// <summary>
/// A fresh benchmark database on PostgreSQL (a copy of a migrated, seeded template: migrating per round would cost more
/// than the round) and an empty key-store database of its own, both dropped afterwards.
/// </summary>
public sealed class PostgreSqlBenchmarkDatabase : IConsentBenchmarkDatabase
{
    private readonly PostgreSqlServer server;
    private readonly PooledDbContextFactory<PostgreSqlAppDbContext> pool;

    private PostgreSqlBenchmarkDatabase(PostgreSqlServer server, string connectionString, string keyStoreConnectionString, Template template)
    {
        this.server = server;
        ConnectionString = connectionString;
        KeyStoreConnectionString = keyStoreConnectionString;
        Customers = template.Customers;
        MarketingPurposeId = template.MarketingPurposeId;
        // Pooled, as the app registers it.
        pool = new PooledDbContextFactory<PostgreSqlAppDbContext>(StandaloneDbContextOptions.ForPostgreSql(connectionString));
    }

    public string ConnectionString { get; }
    public string KeyStoreConnectionString { get; }
    public IReadOnlyList<Guid> Customers { get; }
    public int MarketingPurposeId { get; }

    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [DatabaseSettings.ProviderKey] = "PostgreSQL",
        ["ConnectionStrings:PreferenceCenter"] = ConnectionString,
        ["ConnectionStrings:PersonalDataKeys"] = KeyStoreConnectionString,
    };

    /// <summary>The migrated database every round starts from, with its catalog and customers.</summary>
    public sealed record Template(string Name, IReadOnlyList<Guid> Customers, int MarketingPurposeId);

    public static async Task<Template> CreateTemplateAsync(PostgreSqlServer server, int customers)
    {
        ArgumentNullException.ThrowIfNull(server);
        var connectionString = await server.CreateDatabaseAsync("pc_bench_template");
        await using (var db = new PostgreSqlAppDbContext(StandaloneDbContextOptions.ForPostgreSql(connectionString)))
        {
            await db.Database.MigrateAsync();
            var (ids, purpose) = await BenchmarkCatalog.SeedAsync(db, customers);
            PostgreSqlConnectionDefaults.ClearPools(connectionString);   // a template may have no session open when it is copied
            return new Template(new NpgsqlConnectionStringBuilder(connectionString).Database!, ids, purpose);
        }
    }

    public static async Task<PostgreSqlBenchmarkDatabase> CreateAsync(PostgreSqlServer server, Template template)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(template);
        PostgreSqlConnectionDefaults.ClearPools(server.ConnectionString(template.Name));   // a template may have no session open when it is copied

        var main = await server.CreateDatabaseAsync("pc_bench", template.Name);
        var keys = await server.CreateDatabaseAsync("pc_bench_keys");
        return new PostgreSqlBenchmarkDatabase(server, main, keys, template);
    }

    public AppDbContext CreateDbContext() => pool.CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await server.DropDatabaseAsync(ConnectionString);
        await server.DropDatabaseAsync(KeyStoreConnectionString);
    }
}
