using Npgsql.EntityFrameworkCore.PostgreSQL.Infrastructure;

namespace PreferenceCenter.Data;

/// <summary>How the app talks to PostgreSQL, the same for the app's contexts and for those built outside its container.</summary>
public static class PostgreSqlProviderOptions
{
    /// <summary>The migrations are <see cref="PostgreSqlAppDbContext"/>'s own set; a list in a query already goes as one array parameter.</summary>
    public static void Apply(NpgsqlDbContextOptionsBuilder postgres)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        postgres.MigrationsHistoryTable("__EFMigrationsHistory");
    }
}
