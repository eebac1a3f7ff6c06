using System.Net.Sockets;
using Npgsql;
using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Data;

/// <summary>
/// Before anything else starts on PostgreSQL, one connection to each of the two databases. An operator who gets a
/// server's name wrong, or starts the app before the database, reads which setting, which host and what to check,
/// instead of a stack trace from the first migration.
/// </summary>
public static class DatabaseReachability
{
    /// <summary>How long start-up waits for each server before saying it cannot be reached.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>Null when both databases answer (or on SQLite, which is a file); otherwise the message to print.</summary>
    public static async Task<string?> ProblemAsync(DatabaseSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Provider != DatabaseProvider.PostgreSQL)
        {
            return null;
        }

        // The main database may not exist yet: the first migration creates it. The key store's is created alike.
        return await ProblemAsync(settings.ConnectionString, DatabaseOptions.ConnectionStringName, cancellationToken)
            ?? await ProblemAsync(settings.KeyStoreConnectionString, KeyStoreOptions.ConnectionStringName, cancellationToken);
    }

    private static async Task<string?> ProblemAsync(string connectionString, string name, CancellationToken cancellationToken)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = (int)Timeout.TotalSeconds, Pooling = false };
        var where = $"PostgreSQL at {builder.Host}:{builder.Port} (ConnectionStrings:{name}, database '{builder.Database}', user '{builder.Username}')";
        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // The server answered and the credentials were accepted; the database itself is made by the first migration.
            return null;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification)
        {
            return $"Could not sign in to {where}: {e.MessageText}. Check the user name and password in the connection string, and the server's pg_hba.conf.";
        }
        catch (PostgresException e)
        {
            return $"{where} refused the connection: {e.SqlState} {e.MessageText}.";
        }
        catch (NpgsqlException e)
        {
            var reason = e.InnerException is SocketException socket ? socket.Message : e.Message;
            return $"Could not reach {where}: {reason}. Check that the server is running, that it listens on that host and port " +
                $"(listen_addresses and port in postgresql.conf), and that no firewall is in between. The app waited {Timeout.TotalSeconds:0} seconds.";
        }
        catch (TimeoutException e)
        {
            return $"Could not reach {where}: {e.Message}. Check that the server is running and that no firewall is in between.";
        }
    }
}
