using Microsoft.EntityFrameworkCore;
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
}
