using System.Security.Cryptography;
using System.Text;
using System.Data.Common;
using PreferenceCenter.Data;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.HostileInput;

/// <summary>
/// A hash of every row of every table in the app's two databases (main "app", key store "keys"), on either provider, so "nothing written" covers updates and deletes
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

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(AppHost app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (label, keyStore) in new[] { ("app", false), ("keys", true) })
        {
            await using var connection = await app.OpenConnectionAsync(keyStore);
            foreach (var table in await TablesAsync(connection, app.Provider))
            {
                tables[$"{label}.{table}"] = await HashAsync(connection, table);
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

    private static async Task<List<string>> TablesAsync(DbConnection connection, DatabaseProvider provider)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = provider == DatabaseProvider.PostgreSQL
            ? "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
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

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {WrittenByRequests.GetValueOrDefault(table, "*")} FROM \"{table}\"";
        // Rows are compared as a sorted set: PostgreSQL has no rowid, and an UPDATE moves a row in its heap anyway.
        var rows = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var row = new StringBuilder();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    var value = reader.IsDBNull(i) ? "\u0001null" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
                    row.Append(value).Append('\u0000');
                }

                rows.Add(row.ToString());
            }
        }

        rows.Sort(StringComparer.Ordinal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var row in rows)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(row + "\u0002"));
        }

        // The row count leads, so a failure can say "+1 row" without another query.
        return $"{rows.Count} rows {Convert.ToHexString(hash.GetHashAndReset())[..16]}";
    }
}
