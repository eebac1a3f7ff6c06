using Microsoft.AspNetCore.Http;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Features.Consents.Gpc;

/// <summary>
/// Before a signed-in customer's page renders, honours their browser's <c>Sec-GPC: 1</c>, so the page already shows
/// the partner purposes off and says why. Only page requests: assets and the circuit's requests carry the header too.
/// </summary>
public sealed class GlobalPrivacyControlMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, GlobalPrivacyControlService signals)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signals);
        if (HttpMethods.IsGet(http.Request.Method) && IsPage(http.Request)
            && GlobalPrivacyControlHeader.IsSignalled(http.Request) && http.User.GetCustomerId() is Guid customerId)
        {
            await signals.HonourAsync(customerId, http.RequestAborted);
        }

        await next(http);
    }

    private static bool IsPage(HttpRequest request) =>
        request.Headers.Accept.Any(a => a?.Contains("text/html", StringComparison.OrdinalIgnoreCase) == true);
}
