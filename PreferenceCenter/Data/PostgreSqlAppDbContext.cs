using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Webhooks;

namespace PreferenceCenter.Data;

/// <summary>
/// The same model on PostgreSQL. A context type of its own because EF keeps one set of migrations per context type:
/// PostgreSQL's live in <c>Data/Migrations/PostgreSql</c>, SQLite's stay in <c>Data/Migrations</c> (ADR 0014).
/// Services still ask for <see cref="AppDbContext"/>; <see cref="PostgreSqlContextFactory"/> hands this one out.
/// </summary>
public sealed class PostgreSqlAppDbContext(DbContextOptions<PostgreSqlAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // PostgreSQL folds unquoted names to lower case, and the columns are named in Pascal case.
        builder.Entity<WebhookDelivery>().HasIndex(d => new { d.EndpointId, d.CustomerId, d.Id })
            .HasFilter("\"AcknowledgedAt\" IS NULL AND \"DeadLetteredAt\" IS NULL");
    }
}
