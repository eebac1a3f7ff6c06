using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, string connectionString)
    {
        // Pooled: a context per operation is the pattern, and pooling makes that ~10x cheaper on SQLite (see README).
        services.AddPooledDbContextFactory<AppDbContext>(options => options
            .UseSqlite(connectionString, SqliteProviderOptions.Apply)
            .AddInterceptors(AppDbContextInterceptors.All));
        services.AddHostedService<WalCheckpointer>();
        services.AddScoped<DatabaseInitializer>();
        // Keys in the database: emailed links (valid for months) survive restarts and new machines, and every
        // instance reads every cookie and link. PersistKeysToDbContext asks for a scoped context (Accounts registers it).
        services.AddDataProtection().SetApplicationName("PreferenceCenter").PersistKeysToDbContext<AppDbContext>();
        return services;
    }
}
