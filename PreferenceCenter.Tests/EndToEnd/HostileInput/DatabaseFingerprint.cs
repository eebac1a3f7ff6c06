using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// A hash of every row of every table in the app's database files, so "nothing written" covers updates and deletes
/// as well as new rows. Leases are left out: the background jobs renew them on their own clock. Of the outbox, only what
/// a request writes counts: the dispatcher marks mail other tests queued as sent (or retried) whenever it runs.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "Leases", "__EFMigrationsHistory", "__EFMigrationsLock" };

    private static readonly Dictionary<string, string> WrittenByRequests = new(StringComparer.Ordinal)
    {
        ["OutboxMessages"] = "\"Id\", \"MessageId\", \"CustomerId\", \"CreatedAt\"",
    };

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(params string[] databasePaths)
    {
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in databasePaths)
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly }.ToString());
            await connection.OpenAsync();
            foreach (var table in await TablesAsync(connection))
            {
                tables[$"{Path.GetFileNameWithoutExtension(path)}.{table}"] = await HashAsync(connection, table);
            }
        }

        return tables;
    }

    /// <summary>How a table changed, for a failure message: its row count before and after.</summary>
    public static string Describe(string table, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        $"{table} ({before.GetValueOrDefault(table)?.Split(' ')[0] ?? "0"} → {after.GetValueOrDefault(table)?.Split(' ')[0] ?? "0"} rows)";

    /// <summary>The tables whose content differs between two fingerprints.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
    [
        .. before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal),
    ];

    private static async Task<List<string>> TablesAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var name = reader.GetString(0);
            if (!Ignored.Contains(name))
            {
                names.Add(name);
            }
        }

        return names;
    }

    private static async Task<string> HashAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {WrittenByRequests.GetValueOrDefault(table, "*")} FROM \"{table}\" ORDER BY rowid";
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = 0;
        while (await reader.ReadAsync())
        {
            rows++;
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var value = reader.IsDBNull(i) ? "\u0001null" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                hash.AppendData(Encoding.UTF8.GetBytes(value + "\u0000"));
            }
        }

        // The row count leads, so a failure can say "+1 row" without another query.
        return $"{rows} rows {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }
}
