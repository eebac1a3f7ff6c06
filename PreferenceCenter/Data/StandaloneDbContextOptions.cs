using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Data;

/// <summary>
/// Options for an <see cref="AppDbContext"/> built outside the app's container (tests, benchmarks, tools), and the
/// one place that says how each provider is set up (the app's container uses it too).
/// Identity reads its schema version from DI, so without this such a context would see a different model.
/// </summary>
/// <remarks>Pool them with <c>new PooledDbContextFactory&lt;AppDbContext&gt;(options)</c>, as the app does.</remarks>
public static class StandaloneDbContextOptions
{
    private static readonly IServiceProvider IdentityServices =
        new ServiceCollection().Configure<IdentityOptions>(IdentitySettings.Apply).BuildServiceProvider();

    public static DbContextOptions<AppDbContext> ForSqlite(string connectionString)
    {
        var options = new DbContextOptionsBuilder<AppDbContext>().UseApplicationServiceProvider(IdentityServices);
        UseSqlite(options, connectionString);
        return options.Options;
    }

    public static DbContextOptions<PostgreSqlAppDbContext> ForPostgreSql(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlAppDbContext>().UseApplicationServiceProvider(IdentityServices);
        UsePostgreSql(options, connectionString);
        return options.Options;
    }

    /// <summary>A standalone context on the configured provider: an <see cref="AppDbContext"/> or a <see cref="PostgreSqlAppDbContext"/>.</summary>
    public static AppDbContext Create(DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.Provider == DatabaseProvider.PostgreSQL
            ? new PostgreSqlAppDbContext(ForPostgreSql(settings.ConnectionString))
            : new AppDbContext(ForSqlite(settings.ConnectionString));
    }

    internal static void UseSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, SqliteProviderOptions.Apply).AddInterceptors(AppDbContextInterceptors.All);

    internal static void UsePostgreSql(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(PostgreSqlConnectionDefaults.Apply(connectionString), PostgreSqlProviderOptions.Apply).AddInterceptors(AppDbContextInterceptors.PostgreSql);
}
