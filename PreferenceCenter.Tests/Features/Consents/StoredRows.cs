using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents;

/// <summary>Rows as the store holds them, for comparing what two write paths wrote column by column. The SQL quotes its
/// identifiers and names the customer <c>@id</c>, so that it reads the same on SQLite and PostgreSQL.</summary>
internal static class StoredRows
{
    // One row as the store holds it, with what differs between two customers by design (ids, chain position) masked;
    // the customer's id is kept as its spelling (upper or lower case) on SQLite, which must match; PostgreSQL's uuid has one form.
    public static async Task<SortedDictionary<string, object?>> ReadAsync(TestDatabase database, Guid customer, string sql)
    {
        await using var db = database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var id = command.CreateParameter();
        (id.ParameterName, id.Value) = ("@id", customer.ToString());
        command.Parameters.Add(id);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var row = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            var name = reader.GetName(i);
            var value = reader.IsDBNull(i) ? null : reader.GetValue(i);
            row[name] = name is "Id" or "Sequence" or "PreviousHash" or "Hash" ? value?.GetType()
                : value is Guid uuid && uuid == customer ? "customer uuid"
                : value is string text && text.Equals(customer.ToString(), StringComparison.OrdinalIgnoreCase)
                    ? (string.Equals(text, text.ToUpperInvariant(), StringComparison.Ordinal) ? "CUSTOMER" : "customer")
                    : value;
        }

        return row;
    }
}
