using Microsoft.Net.Http.Headers;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// The list as the response: the cursor and the kind of pull in headers (known before the first row), then the rows
/// written as they are read. The read snapshot ends with the response.
/// </summary>
public sealed class SuppressionListResult(SuppressionPull pull, SuppressionFormat format, bool withAddresses) : IResult
{
    /// <summary>The cursor to send back as <c>since</c> next time.</summary>
    public const string CursorHeader = "Suppression-Cursor";

    /// <summary><c>full</c>: the whole list, replace yours; <c>changes</c>: rows that changed since your cursor, apply them.</summary>
    public const string SyncHeader = "Suppression-Sync";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        await using (pull)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = format == SuppressionFormat.Csv
                ? $"{SuppressionFormats.CsvMediaType}; charset=utf-8; header=present"
                : $"{SuppressionFormats.NdjsonMediaType}; charset=utf-8";
            response.Headers[CursorHeader] = pull.Next.ToString();
            response.Headers[SyncHeader] = pull.IsFullList ? "full" : "changes";
            // A sender's copy of who must not be contacted is personal data: no cache on the way keeps it.
            response.Headers[HeaderNames.CacheControl] = "no-store";
            await SuppressionRowWriter.WriteAsync(response.BodyWriter, format, pull.Rows, withAddresses, httpContext.RequestAborted);
        }
    }
}
