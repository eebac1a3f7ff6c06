using Microsoft.EntityFrameworkCore.Design;

namespace PreferenceCenter.Data;

/// <summary>
/// Lets <c>dotnet ef migrations add X --context PostgreSqlAppDbContext</c> build the PostgreSQL model whatever the
/// configured provider: scaffolding a migration compares models and never connects, so the address is a placeholder.
/// </summary>
public sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlAppDbContext>
{
    public const string PlaceholderConnectionString = "Host=localhost;Database=preferencecenter_design_time";

    public PostgreSqlAppDbContext CreateDbContext(string[] args) =>
        new(StandaloneDbContextOptions.ForPostgreSql(PlaceholderConnectionString));
}
