using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// A fresh, migrated database per test on the store <see cref="TestProvider"/> names: the real provider, real triggers,
/// real transactions — never InMemory. On SQLite a file, with the per-customer key store in a file of its own beside it;
/// on PostgreSQL a database of its own on test.sh's cluster (a copy of a template migrated once per run) and the key
/// store in another, as the app uses them; all deleted or dropped at dispose.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    private readonly DbContextOptions<AppDbContext>? sqliteOptions;
    private readonly string? sqlitePath;
    private readonly PostgreSqlPair? postgreSql;
    private SqliteWriteContexts? writeContexts;

    private TestDatabase(string path)
    {
        Provider = DatabaseProvider.Sqlite;
        sqlitePath = path;
        ConnectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();
        sqliteOptions = StandaloneDbContextOptions.ForSqlite(ConnectionString);
        KeyStore = new SqliteCustomerKeyStore(
            new SqliteConnectionStringBuilder { DataSource = KeyStorePath, Pooling = false }.ToString(), TestKeys.Keys, TimeProvider.System);
        Protector = new PersonalDataProtector(KeyStore);
    }

    private TestDatabase(PostgreSqlPair pair)
    {
        Provider = DatabaseProvider.PostgreSQL;
        postgreSql = pair;
        ConnectionString = pair.Main.ConnectionString;
        KeyStore = pair.KeyStore;
        Protector = new PersonalDataProtector(KeyStore);
    }

    public DatabaseProvider Provider { get; }

    public bool IsPostgreSql => Provider == DatabaseProvider.PostgreSQL;

    /// <summary>The main database: a SQLite connection string or an Npgsql one.</summary>
    public string ConnectionString { get; }

    /// <summary>The SQLite file. Only tests marked <see cref="SqliteOnlyAttribute"/> look at files.</summary>
    public string Path => sqlitePath ?? throw SqliteOnly(nameof(Path));

    /// <summary>The key store's SQLite file, beside <see cref="Path"/>.</summary>
    public string KeyStorePath => System.IO.Path.ChangeExtension(Path, ".keys.db");

    public CustomerKeyStore KeyStore { get; }
    public PersonalDataProtector Protector { get; }

    /// <summary>The provider and both connection strings as the app reads them from configuration.</summary>
    public IEnumerable<KeyValuePair<string, string?>> ConfigurationEntries =>
    [
        KeyValuePair.Create(DatabaseSettings.ProviderKey, (string?)Provider.ToString()),
        KeyValuePair.Create($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", (string?)ConnectionString),
        KeyValuePair.Create($"ConnectionStrings:{KeyStoreOptions.ConnectionStringName}", (string?)KeyStore.ConnectionString),
    ];

    /// <summary>The provider and both connection strings as <see cref="DatabaseSettings"/>, for code that takes them (verify-ledger).</summary>
    public DatabaseSettings DatabaseSettings => new(Provider, ConnectionString, KeyStore.ConnectionString);

    /// <summary>The main database's files as someone with a copy of the disk has them: SQLite's file with its WAL, or the
    /// PostgreSQL database's files after a CHECKPOINT (needs test.sh's <c>PC_TEST_POSTGRES_DATA</c>).</summary>
    public async Task<IReadOnlyList<string>> FilesAsync() => postgreSql is null
        ? [Path, Path + "-wal", Path + "-shm"]
        : await PostgreSqlDataFiles.CheckpointAndListAsync(postgreSql.Main);

    public static async Task<TestDatabase> CreateAsync()
    {
        if (TestProvider.IsPostgreSql)
        {
            return new TestDatabase(await PostgreSqlPair.CreateAsync());
        }

        var db = new TestDatabase(System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"pc-test-{Guid.NewGuid():N}.db"));
        await using var context = db.CreateDbContext();
        await context.Database.MigrateAsync();
        await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await db.KeyStore.InitializeAsync();
        return db;
    }

    public AppDbContext CreateDbContext() => postgreSql?.Main.CreateDbContext() ?? new AppDbContext(sqliteOptions!);

    /// <summary>
    /// Runs raw SQL the way an attacker with file access (or the database's password) would, bypassing the app. SQL
    /// meant for both stores quotes its identifiers ("LedgerEntries"), which both read the same way.
    /// </summary>
    public async Task ExecuteRawAsync(string sql)
    {
        await using var connection = await OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A connection of the test's own to the main database (or the key store), on either provider; the caller disposes it.</summary>
    public async Task<DbConnection> OpenConnectionAsync(bool keyStore = false)
    {
        var connectionString = keyStore ? KeyStore.ConnectionString : ConnectionString;
        DbConnection connection = IsPostgreSql
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>Lets raw SQL rewrite or delete ledger rows, as someone with write access to the store could: SQLite's triggers dropped, PostgreSQL's disabled.</summary>
    public Task AllowLedgerTamperingAsync() => ExecuteRawAsync(IsPostgreSql
        ? """ALTER TABLE "LedgerEntries" DISABLE TRIGGER USER;"""
        : "DROP TRIGGER LedgerEntries_NoUpdate; DROP TRIGGER LedgerEntries_NoDelete;");

    /// <summary>
    /// A trigger that refuses every <paramref name="operation"/> on <paramref name="table"/> (where the condition, given
    /// in each dialect, holds) with <paramref name="message"/>: a write the store fails, as a full disk or a constraint would.
    /// </summary>
    public Task RefuseWritesAsync(string table, string operation, string message, string? sqliteWhen = null, string? postgreSqlWhen = null)
    {
        var name = $"refuse_{Guid.NewGuid():N}";
        return ExecuteRawAsync(IsPostgreSql
            ? $"""
              CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$;
              CREATE TRIGGER {name} BEFORE {operation} ON "{table}" FOR EACH ROW {(postgreSqlWhen is null ? "" : $"WHEN ({postgreSqlWhen})")} EXECUTE FUNCTION {name}();
              """
            : $"""CREATE TRIGGER {name} BEFORE {operation} ON "{table}" {(sqliteWhen is null ? "" : $"WHEN {sqliteWhen}")} BEGIN SELECT RAISE(ABORT, '{message}'); END;""");
    }

    /// <summary>Kept write contexts on this database, as the app has them (ADR 0017); closed with it. On PostgreSQL they lend none.</summary>
    public SqliteWriteContexts WriteContexts => writeContexts ??= new SqliteWriteContexts(this);

    public async ValueTask DisposeAsync()
    {
        writeContexts?.Dispose();
        if (postgreSql is not null)
        {
            await postgreSql.DisposeAsync();
            return;
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(Path + suffix);
            File.Delete(KeyStorePath + suffix);
        }
    }

    private static InvalidOperationException SqliteOnly(string member) =>
        new($"TestDatabase.{member} is a SQLite file; on PostgreSQL there is none. Mark the test [SqliteOnly(\"why\")] or make it portable.");
}
