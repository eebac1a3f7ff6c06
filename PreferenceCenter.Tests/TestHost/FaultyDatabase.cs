using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>Contexts on a test database file whose commands and commits go through <see cref="InjectedFaults"/>.</summary>
public sealed class FaultyDatabase(string connectionString, InjectedFaults faults) : IDbContextFactory<AppDbContext>
{
    private readonly DbContextOptions<AppDbContext> options =
        new DbContextOptionsBuilder<AppDbContext>(StandaloneDbContextOptions.ForSqlite(connectionString)).AddInterceptors(faults).Options;

    public FaultyDatabase(TestDatabase database, InjectedFaults faults)
        : this(database?.ConnectionString ?? throw new ArgumentNullException(nameof(database)), faults)
    {
    }

    public AppDbContext CreateDbContext() => new(options);
}
