using Microsoft.AspNetCore.Http.Features;

namespace PreferenceCenter.Features.Import;

/// <summary>Reads an upload up to a limit: a declared or actual size over it is refused before more is read.</summary>
public static class ImportBody
{
    /// <returns>The bytes, or null when the body is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpContext http, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (http.Request.ContentLength > maxBytes)
        {
            return null;
        }

        // The server's own limit would end the request with an exception; this endpoint answers with its own 413.
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = maxBytes + 1L;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await http.Request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
