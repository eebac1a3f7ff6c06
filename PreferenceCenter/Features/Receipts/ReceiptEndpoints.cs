using System.Globalization;
using System.Text;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Receipts;

namespace Microsoft.AspNetCore.Builder;

public static class ReceiptEndpoints
{
    /// <summary>
    /// GET /history/receipt/{sequence}: the receipt of the session holding that change, as a text file. The customer
    /// comes from the sign-in; a number that is not one of their receipted changes is a 404, never someone else's.
    /// </summary>
    public static IEndpointRouteBuilder MapReceipts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet($"/{ReceiptRules.DownloadPath}/{{sequence}}", async (string sequence, HttpContext http, ReceiptDownload receipts, CancellationToken cancellationToken) =>
        {
            // Parsed here rather than by a route constraint: a malformed number is a clear 400, not a 404 from the pages.
            if (!long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number < 1)
            {
                return Results.BadRequest("The receipt number must be a whole number of at least 1.");
            }

            var text = http.User.GetCustomerId() is Guid id
                ? await receipts.TextAsync(id, number, CultureInfo.CurrentUICulture, cancellationToken)
                : null;
            return text is null
                ? Results.NotFound()
                : Results.File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8", ReceiptDownload.FileName(number));
        }).RequireAuthorization(Policies.Customer);
        return endpoints;
    }
}
