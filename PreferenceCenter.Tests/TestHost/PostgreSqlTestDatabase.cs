using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A database of its own per test on the throw-away cluster test.sh starts (<c>PC_TEST_POSTGRES</c>), dropped at the end:
/// the real provider, real triggers, real concurrent transactions.
/// </summary>
public sealed class PostgreSqlTestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public const string ServerVariable = "PC_TEST_POSTGRES";

    private readonly DbContextOptions<PostgreSqlAppDbContext> options;

    private PostgreSqlTestDatabase(string name)
    {
        Name = name;
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name }.ConnectionString;
        options = StandaloneDbContextOptions.ForPostgreSql(ConnectionString);
    }

    public static string? ServerConnectionString =>
        Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } server ? server : null;

    public string Name { get; }
    public string ConnectionString { get; }

    /// <summary>Creates an empty database and, unless told not to, brings it up to date with the PostgreSQL migrations.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateAsync(bool migrate = true)
    {
        var database = new PostgreSqlTestDatabase($"pc_test_{Guid.NewGuid():N}");
        await ExecuteOnServerAsync($"CREATE DATABASE \"{database.Name}\"");
        if (migrate)
        {
            await using var db = database.CreateDbContext();
            await db.Database.MigrateAsync();
        }

        return database;
    }

    public AppDbContext CreateDbContext() => new PostgreSqlAppDbContext(options);

    /// <summary>A pooled factory as the app builds one: each call stands for another instance of the app.</summary>
    public IDbContextFactory<AppDbContext> NewInstance() =>
        new PostgreSqlContextFactory(new PooledDbContextFactory<PostgreSqlAppDbContext>(options));

    /// <summary>Runs raw SQL the way a client with the database's password would, bypassing the app.</summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async Task<object?> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await using (var pooled = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
