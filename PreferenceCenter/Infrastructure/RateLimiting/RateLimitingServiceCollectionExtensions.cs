using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using PreferenceCenter.Infrastructure.RateLimiting;

namespace Microsoft.Extensions.DependencyInjection;

public static class RateLimitingServiceCollectionExtensions
{
    /// <summary>The <c>RateLimits</c> section, validated at start-up, and the limiters behind <see cref="RateLimitedAttribute"/>.</summary>
    public static IServiceCollection AddRequestLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<RequestLimiters>();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<RequestLimiters>((options, limiters) => options.GlobalLimiter = limiters.Requests);
        // After every Configure (the API sets its own handler, for its own policy): marked requests get ours.
        services.PostConfigure<RateLimiterOptions>(options =>
        {
            var others = options.OnRejected;
            options.OnRejected = (rejected, cancellationToken) => RateLimitedAttribute.Of(rejected.HttpContext) is { } limited
                ? TooManyRequests.WriteAsync(rejected, limited)
                : others?.Invoke(rejected, cancellationToken) ?? ValueTask.CompletedTask;
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, after authorization (the API's limits are per signed-in client). A form's target field can be
    /// a partition because <c>RequestBodyGuard</c>, early in the pipeline, has already read every form once.
    /// </summary>
    public static IApplicationBuilder UseRequestLimits(this IApplicationBuilder app) => app.UseRateLimiter();
}
