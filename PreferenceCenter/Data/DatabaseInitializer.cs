using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Data;

/// <summary>
/// Brings the databases up to date at start-up: migrations, WAL journaling, the roles every environment needs, and
/// the separate key store (which also checks the personal-data keys in configuration).
/// </summary>
public sealed class DatabaseInitializer(IDbContextFactory<AppDbContext> dbFactory, RoleManager<IdentityRole> roles, CustomerKeyStore keyStore)
{
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                // WAL lets readers carry on while one writer commits; the setting persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }

        await keyStore.InitializeAsync(cancellationToken);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }
}
