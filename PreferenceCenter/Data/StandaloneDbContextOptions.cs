using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Data;

/// <summary>
/// Options for an <see cref="AppDbContext"/> built outside the app's container (tests, benchmarks, tools).
/// Identity reads its schema version from DI, so without this such a context would see a different model.
/// </summary>
/// <remarks>Pool them with <c>new PooledDbContextFactory&lt;AppDbContext&gt;(options)</c>, as the app does.</remarks>
public static class StandaloneDbContextOptions
{
    private static readonly IServiceProvider IdentityServices =
        new ServiceCollection().Configure<IdentityOptions>(IdentitySettings.Apply).BuildServiceProvider();

    public static DbContextOptions<AppDbContext> ForSqlite(string connectionString) =>
        new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite(connectionString, SqliteProviderOptions.Apply)
            .UseApplicationServiceProvider(IdentityServices)
            .AddInterceptors(AppDbContextInterceptors.All)
            .Options;
}
