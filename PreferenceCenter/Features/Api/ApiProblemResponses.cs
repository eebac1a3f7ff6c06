using Microsoft.AspNetCore.Diagnostics;

namespace PreferenceCenter.Features.Api;

/// <summary>
/// Every error under <c>/api</c> is an RFC 9457 problem, never the HTML "not found" page the browser routes get: a
/// body the framework left empty (a malformed JSON body, a wrong method) gets a problem document for its status.
/// </summary>
public sealed class ApiProblemResponses(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(problems);
        if (!context.Request.Path.StartsWithSegments(ApiServiceCollectionExtensions.BasePath, StringComparison.OrdinalIgnoreCase))
        {
            await next(context);
            return;
        }

        if (context.Features.Get<IStatusCodePagesFeature>() is { } statusCodePages)
        {
            statusCodePages.Enabled = false;
        }

        await next(context);
        if (context.Response is { StatusCode: >= 400, HasStarted: false, ContentLength: null } response && string.IsNullOrEmpty(response.ContentType))
        {
            await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context });
        }
    }
}
