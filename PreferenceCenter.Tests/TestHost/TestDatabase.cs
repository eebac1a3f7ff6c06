using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A fresh, migrated SQLite file per test: the real provider, real triggers, real transactions — never InMemory.
/// Beside it, in a file of its own as in the app, the per-customer key store.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<AppDbContext> options;

    private TestDatabase(string path)
    {
        Path = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        options = StandaloneDbContextOptions.ForSqlite(ConnectionString);
        KeyStorePath = System.IO.Path.ChangeExtension(path, ".keys.db");
        KeyStore = new SqliteCustomerKeyStore(
            new SqliteConnectionStringBuilder { DataSource = KeyStorePath, Pooling = false }.ToString(), TestKeys.Keys, TimeProvider.System);
        Protector = new PersonalDataProtector(KeyStore);
    }

    public string Path { get; }
    public string ConnectionString { get; }
    public string KeyStorePath { get; }
    public CustomerKeyStore KeyStore { get; }
    public PersonalDataProtector Protector { get; }

    public static async Task<TestDatabase> CreateAsync()
    {
        var db = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pc-test-{Guid.NewGuid():N}.db"));
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.KeyStore.InitializeAsync();
        return db;
    }

    public AppDbContext CreateDbContext() => new(options);

    /// <summary>Runs raw SQL the way an attacker with file access would, bypassing the app.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new SqliteConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public ValueTask DisposeAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
            File.Delete(KeyStorePath + suffix);
        }

        return ValueTask.CompletedTask;
    }
}
