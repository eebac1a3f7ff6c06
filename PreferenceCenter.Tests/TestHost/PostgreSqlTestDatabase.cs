using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A database of its own per test on the throw-away cluster test.sh starts (<c>PC_TEST_POSTGRES</c>), dropped at the end:
/// the real provider, real triggers, real concurrent transactions. A migrated one is a copy of a template migrated once
/// per test run (<see cref="MigratedTemplate"/>): <c>CREATE DATABASE … TEMPLATE</c> takes a fraction of running the migrations.
/// </summary>
public sealed class PostgreSqlTestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public const string ServerVariable = "PC_TEST_POSTGRES";

    /// <summary>Migrated once, on first use, by one caller; never connected to again (PostgreSQL refuses to copy a template with sessions open).</summary>
    private static readonly Lazy<Task<string>> MigratedTemplate = new(CreateMigratedTemplateAsync, LazyThreadSafetyMode.ExecutionAndPublication);

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

    /// <summary>Creates an empty database or, by default, one up to date with the PostgreSQL migrations.</summary>
    public static async Task<PostgreSqlTestDatabase> CreateAsync(bool migrate = true)
    {
        var database = new PostgreSqlTestDatabase($"pc_test_{Guid.NewGuid():N}");
        var template = migrate ? await MigratedTemplate.Value : null;
        await ExecuteOnServerAsync(template is null
            ? $"CREATE DATABASE \"{database.Name}\""
            : $"CREATE DATABASE \"{database.Name}\" TEMPLATE \"{template}\"");
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
        PostgreSqlConnectionDefaults.ClearPools(ConnectionString);

        await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static async Task<string> CreateMigratedTemplateAsync()
    {
        var name = $"pc_template_{Guid.NewGuid():N}";
        await ExecuteOnServerAsync($"CREATE DATABASE \"{name}\"");
        // Unpooled, so that no idle session is left on the template once the migrations are done.
        var unpooled = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = name, Pooling = false }.ConnectionString;
        await using (var db = new PostgreSqlAppDbContext(StandaloneDbContextOptions.ForPostgreSql(unpooled)))
        {
            await db.Database.MigrateAsync();
        }

        // The cluster is thrown away after the run; a server of one's own keeps no template behind either.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The cluster may already be stopping; nothing to clean then.
            }
        };
        return name;
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
