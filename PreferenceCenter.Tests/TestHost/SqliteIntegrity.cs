using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>SQLite's own check of a database file's structure: "ok", or what it found broken.</summary>
public static class SqliteIntegrity
{
    public static async Task<string?> CheckAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string?)await command.ExecuteScalarAsync();
    }
}
