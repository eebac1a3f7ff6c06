using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Ledger;

namespace Microsoft.Extensions.DependencyInjection;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton<AppendOnlyLedgerGuard>();
        services.AddDbContextFactory<AppDbContext>((sp, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(sp.GetRequiredService<AppendOnlyLedgerGuard>()));
        services.AddScoped<DatabaseInitializer>();
        return services;
    }
}
