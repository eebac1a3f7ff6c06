using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

/// <summary>
/// A rewrite of large tables takes longer than a connection's command timeout (30 s by default; about 32 s for the
/// tables erasure rewrites at a million rows each): it must not be cut off, or every erasure of a large deployment
/// fails. Here a lock held 2.5 s makes the rewrite last that long on a connection whose timeout is 1 s.
/// </summary>
public sealed class PostgreSqlRewriteTimeLimitTests
{
    [PostgreSqlFact]
    public async Task TheRewrite_OutlastsTheConnectionsCommandTimeout()
    {
        await using var database = await PostgreSqlTestDatabase.CreateAsync();
        await using var locked = await OlderTransaction.LockAsync(database, "CustomerProfiles", TimeSpan.FromSeconds(2.5));
        await using var connection = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(database.ConnectionString) { CommandTimeout = 1, Pooling = false }.ConnectionString);
        await connection.OpenAsync();

        var clock = System.Diagnostics.Stopwatch.StartNew();

        await PostgreSqlRewrite.VacuumFullAsync(connection, """VACUUM (FULL) "CustomerProfiles" """, NullLogger.Instance, CancellationToken.None);

        // Timed here, not by the locking session's end: that session may still be reading its COMMIT's answer when the
        // server has already let the rewrite through.
        Assert.True(clock.Elapsed > TimeSpan.FromSeconds(1.5), $"The rewrite took {clock.Elapsed.TotalSeconds:N1} s: it did not wait for the lock past the 1 s limit, so it could not show it.");
    }
}
