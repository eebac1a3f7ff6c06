using System.Globalization;
using Npgsql;

namespace PreferenceCenter.Benchmarks.Erasure;

/// <summary>
/// Fills a table with <c>rows</c> rows of values of its columns' types and lengths in one <c>INSERT … SELECT</c> over
/// <c>generate_series</c>, read from <c>information_schema</c>, so the benchmark needs no second description of the
/// schema. Foreign keys are not checked while it runs (<c>session_replication_role = replica</c>): the rows only have to
/// take the space real ones take. Unique columns get distinct values (uuids, text from the row number).
/// </summary>
public static class TableFill
{
    public static async Task FillAsync(NpgsqlConnection connection, string table, int rows)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var columns = new List<(string Name, string Type, int? Length, bool Identity)>();
        await using (var describe = new NpgsqlCommand(
            """
            SELECT column_name, data_type, character_maximum_length, is_identity = 'YES' OR coalesce(column_default, '') LIKE 'nextval%'
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table ORDER BY ordinal_position
            """, connection))
        {
            describe.Parameters.AddWithValue("table", table);
            await using var reader = await describe.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetInt32(2), reader.GetBoolean(3)));
            }
        }

        var filled = columns.Where(c => !c.Identity).ToList();
        var sql = $"""
            SET session_replication_role = replica;
            INSERT INTO "{table}" ({string.Join(", ", filled.Select(c => $"\"{c.Name}\""))})
            SELECT {string.Join(", ", filled.Select(Value))} FROM generate_series(1, {rows.ToString(CultureInfo.InvariantCulture)}) AS g;
            SET session_replication_role = origin;
            """;
        await using var insert = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await insert.ExecuteNonQueryAsync();
    }

    /// <summary>Each table's size on disk with its indexes.</summary>
    public static async Task<List<(string Table, long Bytes)>> SizesAsync(string connectionString, IEnumerable<string> tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var sizes = new List<(string, long)>();
        foreach (var table in tables)
        {
            await using var size = new NpgsqlCommand($"SELECT pg_total_relation_size('\"{table}\"')", connection);
            sizes.Add((table, (long)(await size.ExecuteScalarAsync())!));
        }

        return sizes;
    }

    // A value of the column's type, distinct per row where it could be part of a key; text as long as a sealed value
    // (base64 of a ciphertext) would be, up to the column's limit.
    private static string Value((string Name, string Type, int? Length, bool Identity) column) => column.Type switch
    {
        "uuid" => "gen_random_uuid()",
        "text" or "character varying" or "character" => $"left(g::text || '-' || repeat(md5(g::text), 4), {Math.Min(column.Length ?? 120, 120).ToString(CultureInfo.InvariantCulture)})",
        "integer" or "smallint" => "(g % 3) + 1",
        "bigint" => "g",
        "boolean" => "false",
        "bytea" => "decode(md5(g::text), 'hex')",
        "timestamp with time zone" => "now()",
        "jsonb" or "json" => "'{}'",
        "ARRAY" => "'{}'",
        "double precision" or "numeric" or "real" => "g",
        _ => throw new NotSupportedException($"No filler for {column.Name} of type {column.Type}."),
    };
}
