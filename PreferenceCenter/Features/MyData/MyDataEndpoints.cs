using System.Globalization;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.MyData;

namespace Microsoft.AspNetCore.Builder;

public static class MyDataEndpoints
{
    public const string DownloadPath = "/my-data/download";

    /// <summary>GET /my-data/download: the customer's own data as a JSON file; the customer id comes from the sign-in.</summary>
    public static IEndpointRouteBuilder MapMyData(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(DownloadPath, async (HttpContext http, MyDataService service, CancellationToken cancellationToken) =>
        {
            var customerId = http.User.GetCustomerId();
            var export = customerId is Guid id ? await service.ExportAsync(id, CultureInfo.CurrentUICulture, cancellationToken) : null;
            if (export is null)
            {
                return Results.NotFound();
            }

            var file = MyDataJson.Serialize(export);
            return Results.File(file, "application/json", FormattableString.Invariant($"my-data-{export.GeneratedAt:yyyy-MM-dd}.json"));
        }).RequireAuthorization(Policies.Customer, Policies.PasswordSignIn);
        return endpoints;
    }
}
