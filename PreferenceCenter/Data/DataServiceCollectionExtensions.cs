using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    /// <summary>The app's database on SQLite (tests and tools that name a file).</summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, string connectionString) =>
        services.AddAppDatabase(DatabaseSettings.Sqlite(connectionString, ""));

    /// <summary>
    /// The app's database on the configured provider. Services ask for <c>IDbContextFactory&lt;AppDbContext&gt;</c>
    /// whichever it is; this is the one place that chooses (with <see cref="StandaloneDbContextOptions"/>).
    /// </summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        services.AddSingleton(settings);
        // Pooled: a context per operation is the pattern, and pooling makes that ~10x cheaper on SQLite (see README).
        if (settings.Provider == DatabaseProvider.PostgreSQL)
        {
            services.AddPooledDbContextFactory<PostgreSqlAppDbContext>(options =>
                StandaloneDbContextOptions.UsePostgreSql(options, settings.ConnectionString));
            services.AddSingleton<IDbContextFactory<AppDbContext>, PostgreSqlContextFactory>();
        }
        else
        {
            services.AddPooledDbContextFactory<AppDbContext>(options =>
                StandaloneDbContextOptions.UseSqlite(options, settings.ConnectionString));
            services.AddHostedService<WalCheckpointer>();
        }

        services.AddScoped<DatabaseInitializer>();
        // What the load balancer asks before sending a customer here (GET /health): can this instance reach its database?
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>();
        // Keys in the database: emailed links (valid for months) survive restarts and new machines, and every
        // instance reads every cookie and link. PersistKeysToDbContext asks for a scoped context (Accounts registers it).
        services.AddDataProtection().SetApplicationName("PreferenceCenter").PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
