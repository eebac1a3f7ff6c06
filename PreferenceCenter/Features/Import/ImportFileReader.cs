using CsvHelper;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// Reads an import file (RFC 4180 CSV, UTF-8, header first) into checked rows and per-row errors, with CsvHelper.
/// Bytes are checked first (<see cref="ImportEncoding"/>), then the header (each required column once, no unknown
/// one), then every row (<see cref="ImportRowRules"/>). Line numbers are the file's, header = 1, as an editor shows them.
/// </summary>
public static class ImportFileReader
{
    public static ImportParse Read(byte[] file, ImportCatalog catalog, DateTimeOffset now, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(options);
        var (start, fatal) = ImportEncoding.Check(file, options.MaxLineBytes);
        if (fatal is not null)
        {
            return Refused(fatal);
        }

        var errors = new List<ImportError>();
        var rows = new List<ImportRow>();
        var rowCount = 0;
        try
        {
            using var csv = CsvReader.Create(file.AsMemory(start), new CsvReaderOptions
            {
                TrackLineNumbers = true, MalformedData = CsvMalformedDataHandling.Throw, IncludeValuesInExceptions = false,
                MaxRecordSize = options.MaxLineBytes,
            });
            var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
            if (HeaderError(header) is { } headerError)
            {
                return Refused(headerError);
            }

            var index = header.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
            while (csv.Read())
            {
                rowCount++;
                var line = (int)csv.LineNumber;
                if (csv.FieldCount != header.Count)
                {
                    errors.Add(new ImportError(line, null, $"Line {line} has {csv.FieldCount} fields; the header has {header.Count}. Is a comma or quote missing?"));
                    continue;
                }

                if (ImportRowRules.Check(line, column => index.TryGetValue(column, out var i) ? csv.GetString(i) : null, catalog, now, errors) is { } row)
                {
                    rows.Add(row);
                }
            }
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber is { } n ? (int)n : 0;
            return Refused(new ImportError(line, null, $"Line {line} has a quote that is not closed or a stray quote inside a field; the rest of the file cannot be read."));
        }

        var listed = errors.Take(options.MaxReportedErrors).ToList();
        return new ImportParse(errors.Count == 0 ? rows : [], rowCount, listed, errors.Count);
    }

    private static ImportError? HeaderError(List<string> header)
    {
        if (header.FirstOrDefault(h => !ImportColumns.All.Contains(h)) is { } unknown)
        {
            return new ImportError(1, unknown, $"Unknown column '{unknown}'. The columns are: {string.Join(", ", ImportColumns.All)}.");
        }

        if (header.GroupBy(h => h, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return new ImportError(1, twice.Key, $"The column '{twice.Key}' appears twice.");
        }

        var missing = ImportColumns.Required.Where(c => !header.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            return new ImportError(1, missing[0], $"Missing column(s): {string.Join(", ", missing)}. The header must name: {string.Join(", ", ImportColumns.Required)}.");
        }

        return header.Contains(ImportColumns.NoticeVersion) || header.Contains(ImportColumns.Wording) ? null
            : new ImportError(1, ImportColumns.Wording, $"Add a {ImportColumns.NoticeVersion} or a {ImportColumns.Wording} column: what each person was shown.");
    }

    private static ImportParse Refused(ImportError error) => new([], 0, [error], 1);
}
