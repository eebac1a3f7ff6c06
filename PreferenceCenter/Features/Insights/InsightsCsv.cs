using CsvHelper;

namespace PreferenceCenter.Features.Insights;

/// <summary>
/// A chart's table as a CSV file: the same headings and the same cells as the page, hidden ones as "fewer than 10".
/// Headings include purpose titles the officer typed, so anything a spreadsheet would run as a formula (= + - @ tab
/// CR at the start) is written as text (CsvHelper's injection escape, OWASP's list).
/// </summary>
public static class InsightsCsv
{
    public static byte[] Write(InsightTable table, int minimum, InsightText text)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(text);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader([text.Label(table.RowHeading), .. table.Columns.Select(text.Label)]);
            foreach (var row in table.Rows)
            {
                csv.WriteRecord([text.Label(row.Label), .. row.Values.Select(v => text.Value(v, minimum))]);
            }
        }

        return stream.ToArray();
    }

    public static string FileName(InsightChart chart, DateTimeOffset at) =>
        FormattableString.Invariant($"insights-{InsightCharts.Slug(chart)}-{at:yyyy-MM-dd}.csv");
}
