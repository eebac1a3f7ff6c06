using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PreferenceCenter.Features.Api.Authentication;

/// <summary>
/// Each client gets its own window of <see cref="Clients.ApiClient.RequestsPerMinute"/> calls, set by the officer;
/// the limit is part of the partition key, so a new limit applies from the next window without a restart.
/// </summary>
public static class ApiRateLimits
{
    public const string PerClient = "api-per-client";

    public static void Register(RateLimiterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddPolicy(PerClient, context =>
        {
            var client = context.User.FindFirst(ApiClaims.ClientId)?.Value;
            if (client is null)
            {
                // Not authenticated: the endpoint answers 401 before any work, and nothing is partitioned by a guess.
                return RateLimitPartition.GetNoLimiter("anonymous");
            }

            var perMinute = int.Parse(context.User.FindFirst(ApiClaims.RequestsPerMinute)!.Value, CultureInfo.InvariantCulture);
            return RateLimitPartition.GetFixedWindowLimiter($"{client}:{perMinute}", _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0,
            });
        });
        options.OnRejected = async (context, cancellationToken) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
            context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            await Results.Problem(
                statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                detail: $"This client's limit is reached; try again in {Math.Ceiling(retryAfter.TotalSeconds)} seconds.")
                .ExecuteAsync(context.HttpContext);
        };
    }
}
