using System.Net.Sockets;
using Npgsql;

namespace PreferenceCenter.Data;

/// <summary>
/// Tells a database that is not there (stopped, restarting, unreachable, out of connections) from a request that
/// went wrong: the first is worth a 503 and "try again shortly", because nothing was written and the app recovers by
/// itself when the server returns (Npgsql's pool opens fresh connections); the second stays a fault.
/// </summary>
public static class DatabaseOutage
{
    // admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, the server closed the connection.
    private static readonly HashSet<string> OutageStates =
        [PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow, PostgresErrorCodes.TooManyConnections];

    /// <summary>
    /// After an outage the pool still holds connections the server has closed, and each would fail once more when
    /// next taken. Dropping them when an outage is seen means the first request after the server's return gets a
    /// fresh connection.
    /// </summary>
    public static void ForgetPooledConnections() => NpgsqlConnection.ClearAllPools();

    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case PostgresException postgres:
                    return OutageStates.Contains(postgres.SqlState);
                case NpgsqlException { InnerException: SocketException or IOException or TimeoutException }:
                case NpgsqlException { IsTransient: true }:
                    return true;
            }
        }

        return false;
    }
}
