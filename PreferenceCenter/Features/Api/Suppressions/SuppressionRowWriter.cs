using System.Globalization;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// Writes rows straight into the response as they come (NDJSON: one JSON object a line; CSV: RFC 4180 with a header
/// row), flushing every few hundred rows so neither side holds the list. Field names are the API's camelCase.
/// </summary>
public static class SuppressionRowWriter
{
    private const int RowsPerFlush = 256;
    private static readonly JsonEncodedText Reference = JsonEncodedText.Encode("reference");
    private static readonly JsonEncodedText Suppressed = JsonEncodedText.Encode("suppressed");
    private static readonly JsonEncodedText Reason = JsonEncodedText.Encode("reason");
    private static readonly JsonEncodedText Since = JsonEncodedText.Encode("since");
    private static readonly JsonEncodedText Until = JsonEncodedText.Encode("until");
    private static readonly JsonEncodedText Email = JsonEncodedText.Encode("email");

    public static async Task WriteAsync(
        PipeWriter output, SuppressionFormat format, IAsyncEnumerable<SuppressionRow> rows, bool withAddresses, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        await using var json = new Utf8JsonWriter(output);
        if (format == SuppressionFormat.Csv)
        {
            Write(output, withAddresses ? "reference,suppressed,reason,since,until,email\r\n" : "reference,suppressed,reason,since,until\r\n");
        }

        var count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            if (format == SuppressionFormat.Csv)
            {
                WriteCsv(output, row, withAddresses);
            }
            else
            {
                WriteJson(json, output, row, withAddresses);
            }

            if (++count % RowsPerFlush == 0)
            {
                await output.FlushAsync(cancellationToken);
            }
        }

        await output.FlushAsync(cancellationToken);
    }

    private static void WriteJson(Utf8JsonWriter json, PipeWriter output, SuppressionRow row, bool withAddresses)
    {
        json.Reset();
        json.WriteStartObject();
        json.WriteString(Reference, row.Reference);
        json.WriteBoolean(Suppressed, row.Suppressed);
        json.WriteString(Reason, row.Reason);
        WriteTime(json, Since, row.Since);
        WriteTime(json, Until, row.Until);
        if (withAddresses)
        {
            json.WriteString(Email, row.Email);
        }

        json.WriteEndObject();
        json.Flush();
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    private static void WriteTime(Utf8JsonWriter json, JsonEncodedText name, DateTimeOffset? value)
    {
        if (value is { } time)
        {
            json.WriteString(name, time);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteCsv(PipeWriter output, SuppressionRow row, bool withAddresses)
    {
        Write(output, row.Reference);
        Write(output, row.Suppressed ? ",true," : ",false,");
        Write(output, row.Reason);
        Write(output, ",");
        Write(output, Format(row.Since));
        Write(output, ",");
        Write(output, Format(row.Until));
        if (withAddresses)
        {
            Write(output, ",");
            Write(output, Quote(row.Email));
        }

        Write(output, "\r\n");
    }

    // The same spelling System.Text.Json gives the NDJSON rows.
    private static string? Format(DateTimeOffset? value) =>
        value?.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);

    // Only an address can hold a comma, a quote or a line break (a quoted local part); references, codes and times cannot.
    private static string? Quote(string? value) =>
        value is null || value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static void Write(PipeWriter output, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var written = Encoding.UTF8.GetBytes(text, output.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length)));
        output.Advance(written);
    }
}
