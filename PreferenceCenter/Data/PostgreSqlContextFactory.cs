using Microsoft.EntityFrameworkCore;

namespace PreferenceCenter.Data;

/// <summary>Hands out pooled <see cref="PostgreSqlAppDbContext"/>s to the services, which all ask for <see cref="AppDbContext"/>.</summary>
public sealed class PostgreSqlContextFactory(IDbContextFactory<PostgreSqlAppDbContext> pool) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => pool.CreateDbContext();

    public async Task<AppDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await pool.CreateDbContextAsync(cancellationToken);
}
