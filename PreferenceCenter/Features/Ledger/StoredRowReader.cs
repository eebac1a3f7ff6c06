using System.Data.Common;
using System.Text;

namespace PreferenceCenter.Features.Ledger;

/// <summary>Reads one row column by column, keeping the first column that is not in the writer's form.</summary>
internal sealed class StoredRowReader(DbDataReader reader, IReadOnlyList<string> columns)
{
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string[] types = reader.GetString(0).Split(',');
    private int next;

    public string? Problem { get; private set; }

    public long? Integer(string column, bool nullable = false, long min = long.MinValue, long max = long.MaxValue)
    {
        var (type, ordinal) = Locate(column);
        switch (type)
        {
            case "integer":
                var value = reader.GetInt64(ordinal);
                return value >= min && value <= max ? value : Fail<long?>($"its {column} holds {value}, which the writer never stores");
            case "null" when nullable:
                return null;
            default:
                return Fail<long?>(Misstored(column, type, "an integer", nullable));
        }
    }

    public int? Int32(string column, bool nullable = false) =>
        (int?)Integer(column, nullable, int.MinValue, int.MaxValue);

    public string? Text(string column, bool nullable = false)
    {
        var (type, ordinal) = Locate(column);
        switch (type)
        {
            case "text":
                try
                {
                    // Valid UTF-8 re-encodes to the same bytes; anything else would read as a different text.
                    return StrictUtf8.GetString(reader.GetFieldValue<byte[]>(ordinal));
                }
                catch (DecoderFallbackException)
                {
                    return Fail<string?>($"its {column} is not valid UTF-8 text, so readers would see other characters than it holds");
                }

            case "null" when nullable:
                return null;
            default:
                return Fail<string?>(Misstored(column, type, "text", nullable));
        }
    }

    /// <summary>EF stores a GUID as upper-case text with hyphens; a reader's SQL filter matches only that form.</summary>
    public Guid? Guid(string column)
    {
        var text = Text(column, nullable: true);
        if (text is null)
        {
            return null;
        }

        return System.Guid.TryParseExact(text, "D", out var value) && string.Equals(text, LedgerStoredForm.StorageForm(value), StringComparison.Ordinal)
            ? value
            : Fail<Guid?>($"its {column} is not a GUID in the writer's form (upper case, 8-4-4-4-12 digits), so a reader filtering by it would not find the entry");
    }

    public string? Hash(string column)
    {
        var text = Text(column);
        return text is null || (text.Length == 64 && text.All(char.IsAsciiHexDigitLower))
            ? text
            : Fail<string?>($"its {column} is not 64 lower-case hexadecimal digits");
    }

    /// <summary>Columns are read in the order they are selected (<see cref="LedgerStoredForm.Columns"/>): no lookup per value.</summary>
    private (string Type, int ValueOrdinal) Locate(string column)
    {
        if (!string.Equals(columns[next], column, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Read {column} where {columns[next]} comes next.");
        }

        var type = types[next];
        return (type, ++next);
    }

    private static string Misstored(string column, string type, string expected, bool nullable) => type == "null"
        ? $"its {column} is empty (NULL), where the writer always stores {expected}"
        : $"its {column} is stored as {(type == "integer" ? "an integer" : type)}, where the writer stores {expected}{(nullable ? " or NULL" : "")}, so readers would see another value than the hash covers";

    private T Fail<T>(string problem)
    {
        Problem ??= problem;
        return default!;
    }
}
