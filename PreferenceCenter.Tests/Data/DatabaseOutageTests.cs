using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PreferenceCenter.Data;

namespace PreferenceCenter.Tests.Data;

/// <summary>Which failures mean "the database is away, try again shortly" (a 503) and which stay faults (a 500).</summary>
public sealed class DatabaseOutageTests
{
    public static TheoryData<string, bool> States => new()
    {
        { PostgresErrorCodes.AdminShutdown, true },
        { PostgresErrorCodes.CannotConnectNow, true },
        { PostgresErrorCodes.TooManyConnections, true },
        { PostgresErrorCodes.UniqueViolation, false },
        { PostgresErrorCodes.UndefinedTable, false },
        { PostgresErrorCodes.CharacterNotInRepertoire, false },
    };

    [Theory]
    [MemberData(nameof(States))]
    public void A_server_error_is_an_outage_only_when_the_server_is_going_or_full(string sqlState, bool outage)
    {
        var error = new PostgresException("message", "FATAL", "FATAL", sqlState);

        Assert.Equal(outage, DatabaseOutage.IsOutage(error));
        // However deep EF wraps it.
        Assert.Equal(outage, DatabaseOutage.IsOutage(new DbUpdateException("saving", new InvalidOperationException("outer", error))));
    }

    [Fact]
    public void A_refused_connection_is_an_outage()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));

        Assert.True(DatabaseOutage.IsOutage(refused));
        Assert.True(DatabaseOutage.IsOutage(new InvalidOperationException("An exception has been raised that is likely due to a transient failure.", refused)));
    }

    [Fact]
    public void Anything_else_is_not()
    {
        Assert.False(DatabaseOutage.IsOutage(new InvalidOperationException("a bug")));
        Assert.False(DatabaseOutage.IsOutage(new Microsoft.Data.Sqlite.SqliteException("disk I/O error", 10)));
        Assert.False(DatabaseOutage.IsOutage(null));
    }
}
