using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PreferenceCenter.Data;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Infrastructure.RateLimiting;

namespace PreferenceCenter.Features.Messaging.Limits;

/// <summary>
/// At most <see cref="RateLimitOptions.AccountMailsPerAddressPerHour"/> account mails to one address per clock hour,
/// counted in the database so the cap holds across restarts and instances. The forms that send them answer the same
/// whether or not a mail went, so the cap tells no one anything; it only keeps them from flooding an inbox.
/// </summary>
public sealed partial class AccountMailCap(
    IDbContextFactory<AppDbContext> dbFactory, BlindIndex index, TimeProvider time, IOptions<RateLimitOptions> options, ILogger<AccountMailCap> logger)
{
    /// <summary>Takes one of the hour's mails for <paramref name="address"/>; false when none is left (send nothing).</summary>
    public async Task<bool> TryTakeAsync(string address, CancellationToken cancellationToken = default)
    {
        if (index.OfEmail(address) is not { } hash)
        {
            return false;
        }

        var hour = time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        var max = options.Value.AccountMailsPerAddressPerHour;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // One statement, atomic on SQLite and PostgreSQL alike: the row is created or counted up while under the cap,
        // and returns nothing once the cap is reached. The stored count is named with its table: PostgreSQL calls a
        // bare "Count" ambiguous here (the table's or the proposed row's, EXCLUDED).
        var counted = await db.Database.SqlQuery<int>($"""
            INSERT INTO "AccountMailCounts" ("AddressHash", "Hour", "Count") VALUES ({hash}, {hour}, 1)
            ON CONFLICT ("AddressHash", "Hour") DO UPDATE SET "Count" = "AccountMailCounts"."Count" + 1 WHERE "AccountMailCounts"."Count" < {max}
            RETURNING "Count" AS "Value"
            """).ToListAsync(cancellationToken);
        await db.Set<AccountMailCount>().Where(c => c.Hour < hour - 1).ExecuteDeleteAsync(cancellationToken);
        if (counted.Count == 0)
        {
            LogCapped(max);
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "An account mail was not sent: its address already had {Max} this hour.")]
    private partial void LogCapped(int max);
}
