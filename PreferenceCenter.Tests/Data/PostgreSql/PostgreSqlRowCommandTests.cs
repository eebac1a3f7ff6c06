using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data.PostgreSql;

/// <summary>
/// <see cref="RowCommand{TEntity}"/> on Npgsql with the column types the model maps there: uuid, bytea (and NULL
/// bytea), boolean, bigint milliseconds for times, text and integer concurrency tokens; read back through EF as written.
/// </summary>
public sealed class PostgreSqlRowCommandTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 10, 0, 0, 123, TimeSpan.Zero);

    [PostgreSqlFact]
    public async Task InsertAndGuardedUpdate_StoreEveryTypeAsEfReadsIt_AndCountRowsAffected()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        var client = new ApiClient
        {
            Id = Guid.NewGuid(), Name = "CRM", Scopes = "consents:read", SecretHash = [0, 1, 2, 255], CreatedAt = At, Version = 1,
        };
        var user = new ApplicationUser { Id = "u1", UserName = "a@example.com", EmailConfirmed = true, ConcurrencyStamp = "first", LockoutEnd = At.AddHours(1) };
        await using (var db = database.CreateDbContext())
        await using (var tx = await db.BeginWriteAsync())
        {
            await using (var insert = db.PrepareInsert<ApiClient>())
            {
                Assert.Equal(1, await insert.ExecuteAsync(client));
            }

            await using (var insert = db.PrepareInsert<ApplicationUser>())
            {
                Assert.Equal(1, await insert.ExecuteAsync(user));
            }

            (client.PreviousSecretHash, client.PreviousSecretValidUntil, client.RevokedAt, client.Version) = ([9, 8], At.AddDays(1), null, 2);
            await using (var update = db.PrepareUpdate<ApiClient>([nameof(ApiClient.PreviousSecretHash), nameof(ApiClient.PreviousSecretValidUntil), nameof(ApiClient.RevokedAt), nameof(ApiClient.Version)]))
            {
                Assert.Equal(0, await update.ExecuteAsync(client, [7]));
                Assert.Equal(1, await update.ExecuteAsync(client, [1]));
            }

            (user.EmailConfirmed, user.LockoutEnabled) = (false, true);
            await using (var update = db.PrepareUpdate<ApplicationUser>([nameof(ApplicationUser.EmailConfirmed), nameof(ApplicationUser.LockoutEnabled)]))
            {
                Assert.Equal(0, await update.ExecuteAsync(user, ["stale"]));
                Assert.Equal(1, await update.ExecuteAsync(user, ["first"]));
            }

            await tx.CommitAsync();
        }

        await using var read = database.CreateDbContext();
        var stored = await read.ApiClients.AsNoTracking().SingleAsync(c => c.Id == client.Id);
        Assert.Equal(
            ("CRM", (DateTimeOffset?)At.AddDays(1), (DateTimeOffset?)null, At, 2),
            (stored.Name, stored.PreviousSecretValidUntil, stored.RevokedAt, stored.CreatedAt, stored.Version));
        Assert.Equal([0, 1, 2, 255], stored.SecretHash);
        Assert.Equal([9, 8], stored.PreviousSecretHash!);
        var storedUser = await read.Users.AsNoTracking().SingleAsync();
        Assert.Equal((false, true, (DateTimeOffset?)At.AddHours(1)), (storedUser.EmailConfirmed, storedUser.LockoutEnabled, storedUser.LockoutEnd));
    }

    [PostgreSqlFact]
    public async Task QueueAll_InsertsAndGuardedlyUpdatesManyRowsInOneStatementEach_StoringEveryTypeAsEfReadsIt()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        ApiClient[] clients =
        [
            new() { Id = Guid.NewGuid(), Name = "CRM", Scopes = "consents:read", SecretHash = [0, 1, 2, 255], CreatedAt = At, Version = 1 },
            new() { Id = Guid.NewGuid(), Name = "Shop", Scopes = "consents:write", SecretHash = [7], PreviousSecretHash = null, CreatedAt = At.AddMinutes(1), RevokedAt = At, Version = 1 },
            new() { Id = Guid.NewGuid(), Name = "Mailer", Scopes = "suppressions:read", SecretHash = [], CreatedAt = At.AddMinutes(2), Version = 5 },
        ];
        (int Inserted, int Updated, int StaleUpdated) counts;
        await using (var db = database.CreateDbContext())
        await using (var tx = await db.BeginWriteAsync())
        {
            await using var insert = db.PrepareInsert<ApiClient>();
            await using var update = db.PrepareUpdate<ApiClient>([nameof(ApiClient.PreviousSecretHash), nameof(ApiClient.PreviousSecretValidUntil), nameof(ApiClient.RevokedAt), nameof(ApiClient.Version)]);
            await using (var inserts = db.Database.GetDbConnection().CreateBatch())
            {
                inserts.Transaction = tx.GetDbTransaction();
                var inserted = insert.QueueAll(inserts, clients);
                await inserts.ExecuteNonQueryAsync();
                counts.Inserted = inserted.RecordsAffected;
            }

            (clients[0].PreviousSecretHash, clients[0].PreviousSecretValidUntil, clients[0].RevokedAt, clients[0].Version) = ([9, 8], At.AddDays(1), At.AddDays(2), 2);
            (clients[1].PreviousSecretHash, clients[1].PreviousSecretValidUntil, clients[1].RevokedAt, clients[1].Version) = (null, null, null, 2);
            await using (var updates = db.Database.GetDbConnection().CreateBatch())
            {
                updates.Transaction = tx.GetDbTransaction();
                var updated = update.QueueAll(updates, clients[..2], [[1], [1]]);
                // Read as version 4, but it is 5: changed since, so this row is left alone and not counted.
                clients[2].Version = 6;
                var stale = update.QueueAll(updates, clients[2..], [[4]]);
                await updates.ExecuteNonQueryAsync();
                (counts.Updated, counts.StaleUpdated) = (updated.RecordsAffected, stale.RecordsAffected);
            }

            await tx.CommitAsync();
        }

        Assert.Equal((3, 2, 0), counts);
        await using var read = database.CreateDbContext();
        var stored = await read.ApiClients.AsNoTracking().OrderBy(c => c.CreatedAt).ToListAsync();
        Assert.Equal(
            [("CRM", (DateTimeOffset?)At.AddDays(1), (DateTimeOffset?)At.AddDays(2), At, 2), ("Shop", null, null, At.AddMinutes(1), 2), ("Mailer", null, null, At.AddMinutes(2), 5)],
            stored.Select(c => (c.Name, c.PreviousSecretValidUntil, c.RevokedAt, c.CreatedAt, c.Version)));
        Assert.Equal([[0, 1, 2, 255], [7], []], stored.Select(c => c.SecretHash));
        Assert.Equal([[9, 8], null, null], stored.Select(c => c.PreviousSecretHash));
    }
}
