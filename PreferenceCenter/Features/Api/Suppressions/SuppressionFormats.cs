using Microsoft.Net.Http.Headers;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>Picks the format from <c>format=</c> (which wins) or the Accept header.</summary>
public static class SuppressionFormats
{
    public const string NdjsonMediaType = "application/x-ndjson";
    public const string CsvMediaType = "text/csv";

    public static string Problem { get; } = "The format must be ndjson or csv (or send Accept: text/csv).";

    public static bool TryChoose(string? format, IList<MediaTypeHeaderValue> accept, out SuppressionFormat chosen)
    {
        ArgumentNullException.ThrowIfNull(accept);
        chosen = SuppressionFormat.Ndjson;
        if (format is not null)
        {
            chosen = format.Trim().ToLowerInvariant() switch
            {
                "csv" => SuppressionFormat.Csv,
                "ndjson" => SuppressionFormat.Ndjson,
                _ => (SuppressionFormat)(-1),
            };
            return Enum.IsDefined(chosen);
        }

        // The caller's first choice among the two; anything else (*/*, application/json) gets the default.
        var csv = Quality(accept, CsvMediaType);
        var ndjson = Quality(accept, NdjsonMediaType);
        if (csv > 0 && csv > ndjson)
        {
            chosen = SuppressionFormat.Csv;
        }

        return true;
    }

    private static double Quality(IList<MediaTypeHeaderValue> accept, string mediaType) =>
        accept.Where(a => a.MediaType.Equals(mediaType, StringComparison.OrdinalIgnoreCase)).Select(a => a.Quality ?? 1).DefaultIfEmpty(0).Max();
}
