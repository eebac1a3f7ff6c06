using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PreferenceCenter.Features.PersonalData;

/// <summary>
/// Turns on SQLite's <c>secure_delete</c> for every connection the app opens (the setting is per connection, not
/// stored in the file), so deleted rows and freed pages are overwritten with zeros instead of lingering.
/// </summary>
public sealed class SecureDeleteInterceptor : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA secure_delete=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
