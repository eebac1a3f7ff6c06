using Microsoft.AspNetCore.Mvc;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Unsubscribe;
using PreferenceCenter.Infrastructure.RateLimiting;

namespace Microsoft.AspNetCore.Builder;

/// <summary>
/// <c>/u/{token}</c>: the RFC 8058 one-click POST (no sign-in, cookie, antiforgery or circuit: a mailbox provider
/// sends it with nothing but the body) and the form posts of the page a GET of the same link shows.
/// </summary>
public static class UnsubscribeEndpoints
{
    /// <summary>The largest body any of these posts needs: one short field, an antiforgery token, a mailbox provider's extras.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public static IEndpointRouteBuilder MapUnsubscribe(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Ordered before the page's own route, which Blazor also maps for POST (its form handling).
        SmallForm(app.MapPost($"/{PublicLinks.UnsubscribePath}/{{token}}", OneClickAsync))
            .DisableAntiforgery()
            .WithMetadata(new RateLimitedAttribute(RequestLimit.OneClickUnsubscribe))
            .Add(endpoint => ((RouteEndpointBuilder)endpoint).Order = -1);
        // Form posts from the page: [FromForm] binding makes the antiforgery middleware check them.
        SmallForm(app.MapPost($"/{PublicLinks.UnsubscribePath}/{{token}}/choose", ChooseAsync)).WithMetadata(new RateLimitedAttribute(RequestLimit.EmailedLink));
        SmallForm(app.MapPost($"/{PublicLinks.UnsubscribePath}/{{token}}/reason", ReasonAsync)).WithMetadata(new RateLimitedAttribute(RequestLimit.EmailedLink));
        SmallForm(app.MapPost($"/{PublicLinks.UnsubscribePath}/{{token}}/undo", UndoAsync)).WithMetadata(new RateLimitedAttribute(RequestLimit.EmailedLink));
        if (app.ServiceProvider.GetRequiredService<IConfiguration>().GetValue<bool>("Benchmark:BareEndpoint"))
        {
            // Only for the benchmark's baseline: same middleware and body limits, reads and checks the same form body
            // as a one-click, and does nothing else. Never mapped in a normal run.
            SmallForm(app.MapPost("/bench/bare", BareAsync)).DisableAntiforgery();
        }

        return app;
    }

    // Public and unauthenticated: a body past these limits is refused (RequestBodyGuard) before anything reads it.
    private static RouteHandlerBuilder SmallForm(RouteHandlerBuilder endpoint) => endpoint
        .WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
        .WithFormOptions(valueCountLimit: 16, keyLengthLimit: 256, valueLengthLimit: 4096, multipartBodyLengthLimit: MaxBodyBytes);

    private static async Task<IResult> OneClickAsync(
        string token, HttpRequest request, LinkTokens tokens, UnsubscribeService service, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return Results.Text("A one-click unsubscribe is a form post (RFC 8058).", statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        if ((await request.ReadFormAsync(cancellationToken))["List-Unsubscribe"] != "One-Click")
        {
            return Results.Text("A one-click unsubscribe is a POST with the body List-Unsubscribe=One-Click.", statusCode: StatusCodes.Status400BadRequest);
        }

        var read = tokens.TryRead(token, LinkPurpose.Unsubscribe);
        if (!read.Succeeded)
        {
            return Results.Text($"This unsubscribe link cannot be used ({read.Failure}).", statusCode: read.Failure!.Value.StatusCode());
        }

        // Conflicts were already retried once where the batch is written (ConsentService.WithdrawManyAsync).
        var outcome = await service.WithdrawAsync(read.Token, ChangeSource.OneClickUnsubscribe, cancellationToken);
        return outcome == UnsubscribeOutcome.Conflict
            ? Results.Text("Busy; please try again.", statusCode: StatusCodes.Status503ServiceUnavailable)
            : Results.Text("Unsubscribed.");
    }

    private static async Task<IResult> BareAsync(HttpRequest request, CancellationToken cancellationToken) =>
        request.HasFormContentType && (await request.ReadFormAsync(cancellationToken))["List-Unsubscribe"] == "One-Click"
            ? Results.Text("ok")
            : Results.BadRequest();

    private static Task<IResult> ChooseAsync(
        string token, [FromForm(Name = "choice")] string? value, LinkTokens tokens, UnsubscribeService service, CancellationToken cancellationToken) =>
        FromPageAsync(token, TryName(value, out UnsubscribeChoice choice), tokens, async link =>
            await service.ChooseAsync(link, choice, cancellationToken) switch
            {
                UnsubscribeOutcome.Conflict => UnsubscribeDone.Conflict,
                UnsubscribeOutcome.AlreadyLeast => UnsubscribeDone.AlreadyLeast,
                _ => choice.ToString(),
            });

    private static Task<IResult> ReasonAsync(
        string token, [FromForm(Name = "reason")] string? value, LinkTokens tokens, UnsubscribeService service, CancellationToken cancellationToken) =>
        FromPageAsync(token, TryName(value, out LeavingReason reason), tokens, async link =>
            await service.RecordReasonAsync(link, reason, cancellationToken) == UnsubscribeOutcome.Conflict ? UnsubscribeDone.Conflict : UnsubscribeDone.Reason);

    // The antiforgery field is the form's only field; requiring a form makes the middleware check it.
    private static Task<IResult> UndoAsync(
        string token, [FromForm(Name = "undo")] string? value, LinkTokens tokens, UnsubscribeService service, CancellationToken cancellationToken) =>
        FromPageAsync(token, value == "everything", tokens, async link =>
            await service.UndoEverythingAsync(link, cancellationToken) switch
            {
                WithdrawAllUndoOutcome.Restored => UnsubscribeDone.Undone,
                WithdrawAllUndoOutcome.TooLate => UnsubscribeDone.UndoTooLate,
                WithdrawAllUndoOutcome.Conflict => UnsubscribeDone.Conflict,
                _ => UnsubscribeDone.NothingToUndo,
            });

    // Exactly one of the names the page offers. Enum.TryParse would also take "3", "-1" and "LessOften, Pause"
    // (which adds up to Unsubscribe), and a binder that throws on anything else answers with the value echoed.
    private static bool TryName<T>(string? value, out T parsed)
        where T : struct, Enum
    {
        parsed = default;
        return value is not null && Enum.GetNames<T>().Contains(value, StringComparer.Ordinal) && Enum.TryParse(value, out parsed);
    }

    // A bad link or value does nothing and goes back to the page, which shows a bad link with its own status.
    private static async Task<IResult> FromPageAsync(string token, bool validValue, LinkTokens tokens, Func<LinkToken, Task<string>> act)
    {
        var read = tokens.TryRead(token, LinkPurpose.Unsubscribe);
        return read.Succeeded && validValue ? BackToPage(token, await act(read.Token)) : BackToPage(token, done: null);
    }

    // Post, redirect, get: the page (which shows a bad link's own status) reports what was done; a reload does not repeat it.
    private static IResult BackToPage(string token, string? done) => Results.Redirect(
        $"/{PublicLinks.UnsubscribePath}/{Uri.EscapeDataString(token)}" + (done is null ? string.Empty : $"?done={done}"),
        permanent: false, preserveMethod: false);
}
