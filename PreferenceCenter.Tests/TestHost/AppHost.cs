using System.Data.Common;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The real app on Kestrel, on a free loopback port, with its own SQLite files (or, with <c>PC_TEST_PROVIDER=PostgreSQL</c>,
/// two databases of its own on test.sh's cluster: see <see cref="TestProvider"/>) and mail pickup folder in a temp
/// folder, all deleted on dispose. Development by default (demo data seeded from the repository-root
/// <c>appsettings.Development.json</c>); a subclass such as <see cref="ProductionAppHost"/> picks another environment.
/// </summary>
public class AppHost : WebApplicationFactory<Program>
{
    private readonly string environmentName;
    private readonly string root = Path.Combine(Path.GetTempPath(), $"pc-e2e-{Guid.NewGuid():N}");
    private Uri? baseAddress;

    public AppHost()
        : this(Environments.Development)
    {
    }

    protected AppHost(string environmentName)
    {
        this.environmentName = environmentName;
        Directory.CreateDirectory(root);
        DatabasePath = Path.Combine(root, "app.db");
        KeyStorePath = Path.Combine(root, "keys.db");
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            // The app migrates the main database and creates the key table at start-up, as in production.
            var name = $"pc_e2e_{Guid.NewGuid():N}";
            ConnectionString = CreatePostgreSqlDatabase(name);
            KeyStoreConnectionString = CreatePostgreSqlDatabase(name + "_keys");
        }
        else
        {
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = DatabasePath }.ToString();
            KeyStoreConnectionString = new SqliteConnectionStringBuilder { DataSource = KeyStorePath }.ToString();
        }

        PickupDirectory = Path.Combine(root, "mail-pickup");
        // A port known before start, so links in the app's emails (App:PublicBaseUrl) point back at this very host.
        Port = LoopbackPorts.Free();
        UseKestrel(options => options.Listen(IPAddress.Loopback, Port));
    }

    public int Port { get; }

    /// <summary>The store the app runs on, from <c>PC_TEST_PROVIDER</c>.</summary>
    public DatabaseProvider Provider { get; } = TestProvider.Current;

    /// <summary>The app's main database: a SQLite connection string or an Npgsql one.</summary>
    public string ConnectionString { get; }

    /// <summary>The per-customer key store, a database apart from <see cref="ConnectionString"/>.</summary>
    public string KeyStoreConnectionString { get; }

    /// <summary>The SQLite file (SQLite only; <see cref="OpenConnectionAsync"/> reaches either store).</summary>
    public string DatabasePath { get; }

    /// <summary>The per-customer key store, a file apart from <see cref="DatabasePath"/>.</summary>
    public string KeyStorePath { get; }

    public string PickupDirectory { get; }

    /// <summary>Where the app listens, e.g. <c>http://127.0.0.1:41234/</c>; starts it on first use.</summary>
    public Uri BaseAddress
    {
        get
        {
            if (baseAddress is null)
            {
                StartServer();
                var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
                baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
                if (Provider == DatabaseProvider.Sqlite ? !File.Exists(DatabasePath) : !RunsOnOwnPostgreSqlDatabase())
                {
                    // The override did not reach the app: it would be writing to the developer's own database.
                    throw new InvalidOperationException($"The app did not create its database at {(Provider == DatabaseProvider.Sqlite ? DatabasePath : ConnectionString)}.");
                }
            }

            return baseAddress;
        }
    }

    /// <summary>A connection of the test's own to the main database (or the key store), bypassing the app, on either provider.</summary>
    public async Task<DbConnection> OpenConnectionAsync(bool keyStore = false)
    {
        var connectionString = keyStore ? KeyStoreConnectionString : ConnectionString;
        DbConnection connection = Provider == DatabaseProvider.PostgreSQL
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>An absolute address in the app, e.g. <c>Url("preferences")</c>.</summary>
    public string Url(string relative) => new Uri(BaseAddress, relative.TrimStart('/')).AbsoluteUri;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // UseSetting values come after every appsettings file, the repository-root one included, so they win.
        builder.UseEnvironment(environmentName);
        builder.UseSetting(DatabaseSettings.ProviderKey, Provider.ToString());
        builder.UseSetting("ConnectionStrings:PreferenceCenter", ConnectionString);
        builder.UseSetting("ConnectionStrings:PersonalDataKeys", KeyStoreConnectionString);
        builder.UseSetting("Email:PickupDirectory", PickupDirectory);
        // The production host reads no repository settings file, so the test keys come from here in every environment.
        foreach (var (name, value) in TestKeys.Settings)
        {
            builder.UseSetting(name, value);
        }
        builder.UseSetting("Email:Smtp:Host", string.Empty);
        // Every test reaches this host from 127.0.0.1, like a crowd behind one address: the limits stay on, only
        // higher, so that only the rate-limit tests (RateLimitedAppHost, with low limits) ever meet them.
        foreach (var (name, value) in TestRateLimits.Generous)
        {
            builder.UseSetting(name, value);
        }

        builder.UseSetting("App:PublicBaseUrl", $"http://127.0.0.1:{Port}/");
        // The end-to-end group shares this host for longer than the default ten quiet minutes on the real clock; a
        // receipt job firing mid-run would add mail no journey expects. Receipts are tested with a fake clock instead.
        builder.UseSetting("Receipts:QuietMinutes", "1440");
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            DeleteStore();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        DeleteStore();
        GC.SuppressFinalize(this);
    }

    private static string CreatePostgreSqlDatabase(string name)
    {
        ExecuteOnPostgreSqlServer($"CREATE DATABASE \"{name}\"");
        return new NpgsqlConnectionStringBuilder(PostgreSqlTestDatabase.ServerConnectionString) { Database = name }.ConnectionString;
    }

    private static void ExecuteOnPostgreSqlServer(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(PostgreSqlTestDatabase.ServerConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private bool RunsOnOwnPostgreSqlDatabase()
    {
        using var db = Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();
        return db.Database.IsNpgsql() && db.Database.GetDbConnection().Database == new NpgsqlConnectionStringBuilder(ConnectionString).Database;
    }

    private void DeleteStore()
    {
        if (Provider == DatabaseProvider.PostgreSQL)
        {
            foreach (var connectionString in new[] { ConnectionString, KeyStoreConnectionString })
            {
                PostgreSqlConnectionDefaults.ClearPools(connectionString);
                ExecuteOnPostgreSqlServer($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\" WITH (FORCE)");
            }
        }

        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
