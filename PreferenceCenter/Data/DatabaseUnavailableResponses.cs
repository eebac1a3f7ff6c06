using System.Net;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Data;

/// <summary>
/// While the database is away (<see cref="DatabaseOutage"/>) a request gets 503 with <c>Retry-After</c> instead of a
/// 500: the API an RFC 9457 problem saying nothing was written, a browser a short page in the reader's language with
/// a way to try again. The page needs nothing from the database, so it renders while the database cannot.
/// </summary>
public sealed partial class DatabaseUnavailableResponses(RequestDelegate next, ILogger<DatabaseUnavailableResponses> logger)
{
    public const int RetryAfterSeconds = 10;

    public async Task InvokeAsync(HttpContext context, IStringLocalizer<SharedResource> text)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            await next(context);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && !context.Response.HasStarted)
        {
            LogUnavailable(logger, e, context.Request.Path);
            DatabaseOutage.ForgetPooledConnections();
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.CacheControl = "no-store";
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await context.Response.WriteAsJsonAsync(
                    new
                    {
                        type = "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
                        title = "The database is unavailable",
                        status = StatusCodes.Status503ServiceUnavailable,
                        detail = $"Nothing was written. Try again in {RetryAfterSeconds} seconds.",
                    },
                    options: null,
                    contentType: "application/problem+json",
                    cancellationToken: context.RequestAborted);
                return;
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            var language = System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;
            var title = WebUtility.HtmlEncode(text["Unavailable.Title"]);
            await context.Response.WriteAsync(
                $"""
                <!DOCTYPE html>
                <html lang="{language}">
                <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{title}</title></head>
                <body style="font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
                <main>
                <h1>{title}</h1>
                <p>{WebUtility.HtmlEncode(text["Unavailable.Text"])}</p>
                <p><a href="" style="color: #0b57a4">{WebUtility.HtmlEncode(text["Unavailable.TryAgain"])}</a></p>
                </main>
                </body>
                </html>
                """,
                context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The database is unavailable; {Path} was answered 503.")]
    private static partial void LogUnavailable(ILogger logger, Exception exception, PathString path);
}
