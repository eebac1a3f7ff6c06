namespace PreferenceCenter.Infrastructure.RateLimiting;

/// <summary>
/// Reads the posted form, asynchronously, before the limiter partitions a request by a form field: the partitioner
/// is synchronous. The form is cached on the request, so the page reads the same one. A form that cannot be read is
/// left for the page to refuse as it would anyway.
/// </summary>
public sealed class TargetFormReader(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (RateLimitedAttribute.Of(context)?.TargetField is not null && context.Request.HasFormContentType)
        {
            try
            {
                await context.Request.ReadFormAsync(context.RequestAborted);
            }
            catch (Exception e) when (e is InvalidDataException or BadHttpRequestException or IOException)
            {
                // Too large, malformed or cut short: counted per client address only.
            }
        }

        await next(context);
    }
}
