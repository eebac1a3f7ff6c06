using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace PreferenceCenter.Infrastructure.Security;

/// <summary>
/// Turns a body the framework cannot read into a 4xx before any page, endpoint or antiforgery check sees it: a
/// charset .NET will not decode (UTF-7, an unknown name) is a 415, and a form that breaks the form limits (too many
/// fields, a key or value too long, a broken multipart) or the size limit is a 400 or 413. Left to the readers
/// further on, each of these was an unhandled exception, so a 500. The form is read once here and kept, so every
/// later reader gets the same parsed copy under the limits the endpoint set (<c>WithFormOptions</c>).
/// </summary>
public sealed partial class RequestBodyGuard(RequestDelegate next, ILogger<RequestBodyGuard> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        if (HasUnreadableCharset(request.ContentType))
        {
            await RefuseAsync(context, StatusCodes.Status415UnsupportedMediaType, "The body's charset is not one this site reads; send UTF-8.");
            return;
        }

        if (request.HasFormContentType && context.Features.Get<IFormFeature>() is not { Form: not null })
        {
            try
            {
                await request.ReadFormAsync(context.RequestAborted);
            }
            catch (InvalidDataException e)
            {
                LogUnreadableForm(logger, request.Path, e.Message);
                await RefuseAsync(context, StatusCodes.Status400BadRequest, "The form could not be read: it is malformed, or has too many or too long fields.");
                return;
            }
            catch (BadHttpRequestException e)
            {
                LogUnreadableForm(logger, request.Path, e.Message);
                await RefuseAsync(context, e.StatusCode, e.StatusCode == StatusCodes.Status413PayloadTooLarge
                    ? "The request is larger than this address accepts."
                    : "The form could not be read.");
                return;
            }
        }

        await next(context);
    }

    private static bool HasUnreadableCharset(string? contentType)
    {
        if (!MediaTypeHeaderValue.TryParse(contentType, out var media) || !media.Charset.HasValue)
        {
            return false;
        }

        try
        {
            // GetEncoding refuses UTF-7 on purpose (it can smuggle markup past filters) and names it does not know.
            _ = Encoding.GetEncoding(media.Charset.Value!.Trim('"'));
            return false;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            return true;
        }
    }

    private static async Task RefuseAsync(HttpContext context, int status, string detail)
    {
        context.Response.StatusCode = status;
        var problems = context.RequestServices.GetService<IProblemDetailsService>();
        var written = problems is not null && await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = "Request not read", Detail = detail },
        });
        if (!written)
        {
            await context.Response.WriteAsync(detail, context.RequestAborted);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Refused an unreadable form posted to {Path}: {Reason}")]
    private static partial void LogUnreadableForm(ILogger logger, PathString path, string reason);
}
