using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.RateLimiting;

namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// The answer to a refused request: 429 with <c>Retry-After</c>, and for a person a page in their language saying
/// nothing was done and how long to wait. The one-click unsubscribe is answered in plain text, like its other answers.
/// </summary>
public static partial class TooManyRequests
{
    public static async ValueTask WriteAsync(OnRejectedContext rejected, RateLimitedAttribute limited)
    {
        ArgumentNullException.ThrowIfNull(rejected);
        ArgumentNullException.ThrowIfNull(limited);
        var http = rejected.HttpContext;
        var seconds = RetryAfterSeconds(rejected.Lease);
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(TooManyRequests).FullName!)
            .Refused(limited.Action, seconds);
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        IResult answer = limited.Action == RequestLimit.OneClickUnsubscribe
            ? TypedResults.Text($"Too many requests; try again in {seconds} seconds.", statusCode: StatusCodes.Status429TooManyRequests)
            : new RazorComponentResult<TooManyRequestsPage>(new Dictionary<string, object?> { [nameof(TooManyRequestsPage.RetryAfterSeconds)] = seconds })
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
            };
        await answer.ExecuteAsync(http);
    }

    /// <summary>Whole seconds until a permit is free again; a fixed window names its full length.</summary>
    public static int RetryAfterSeconds(RateLimitLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        var wait = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
        return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a {Action} request: its rate limit is reached (retry after {Seconds} s).")]
    private static partial void Refused(this ILogger logger, RequestLimit action, int seconds);
}
