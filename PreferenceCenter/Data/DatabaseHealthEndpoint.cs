using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>GET /health</c> for the load balancer: 200 "Healthy" while this instance reaches its database, 503 "Unhealthy"
/// while it does not, so the balancer sends customers to an instance that can save their choices. It answers only
/// loopback and the trusted proxies (<c>Network:TrustedProxies</c>); to anyone else it does not exist, so it is no
/// way to make the database work from outside.
/// </summary>
public static class DatabaseHealthEndpoint
{
    public const string Path = "/health";

    public static RouteHandlerBuilder MapDatabaseHealth(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet(Path, async (HttpContext context, HealthCheckService health, IOptions<ForwardedHeadersOptions> proxies) =>
        {
            if (!IsBalancer(context.Connection.RemoteIpAddress, proxies.Value))
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "no-store";
            var report = await health.CheckHealthAsync(context.RequestAborted);
            return report.Status == HealthStatus.Healthy
                ? Results.Text("Healthy")
                : Results.Text("Unhealthy", statusCode: StatusCodes.Status503ServiceUnavailable);
        }).ExcludeFromDescription();

    // After the forwarded-headers step: a customer's request through the balancer carries their own address here.
    private static bool IsBalancer(IPAddress? caller, ForwardedHeadersOptions proxies) =>
        caller is not null && (IPAddress.IsLoopback(caller) || proxies.KnownProxies.Contains(caller.IsIPv4MappedToIPv6 ? caller.MapToIPv4() : caller));
}
