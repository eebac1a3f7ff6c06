using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PreferenceCenter.Features.Api.Authentication;
using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// <c>/api/v1/suppressions</c>: the list of who must not be contacted for a purpose on a channel, synced by cursor, and
/// a check of addresses a sender already holds; both need <c>suppressions:read</c>, addresses in the list
/// <c>suppressions:addresses</c> too (docs/features/suppression-list.md).
/// </summary>
public static class SuppressionEndpoints
{
    public static RouteGroupBuilder MapSuppressions(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/suppressions").RequireAuthorization(ApiPolicies.SuppressionsRead).WithTags("Suppressions");
        group.MapGet("/", PullAsync).WithName("PullSuppressions")
            .WithSummary("Who must not be contacted for this purpose on this channel: the whole list, or what changed since your cursor.")
            .WithDescription($"Streamed as NDJSON (default) or CSV (Accept: text/csv or format=csv). The response's {SuppressionListResult.CursorHeader} header is the `since` of your next pull; {SuppressionListResult.SyncHeader} says `full` (replace your list) or `changes` (apply these rows: `suppressed: false` takes a customer off).")
            .Produces<SuppressionRow>(StatusCodes.Status200OK, SuppressionFormats.NdjsonMediaType, SuppressionFormats.CsvMediaType)
            .ProducesValidationProblem();
        group.MapPost("/check", CheckAsync).WithName("CheckSuppressions")
            .WithSummary($"Which of up to {SuppressionCheckRequest.MaxItems:N0} email addresses or phone numbers must not be contacted, answered in order.")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithMetadata(new RequestSizeLimitAttribute(SuppressionCheckRequest.MaxBodyBytes));
        return api;
    }

    private static async Task<IResult> PullAsync(
        string? purpose, string? channel, string? since, string? format, HttpContext http, SuppressionFeed feed, ApiRequestDatabase database,
        CancellationToken cancellationToken)
    {
        if (!SuppressionFormats.TryChoose(format, http.Request.GetTypedHeaders().Accept, out var chosen))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [SuppressionFormats.Problem] });
        }

        var withAddresses = http.User.HasClaim(ApiClaims.Scope, ApiScopes.SuppressionsAddresses);
        var outcome = await feed.OpenAsync(database, purpose, channel, since, withAddresses, cancellationToken);
        return outcome.Pull is { } pull ? new SuppressionListResult(pull, chosen, withAddresses) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    private static async Task<Results<Ok<SuppressionCheckAnswer>, ValidationProblem, ProblemHttpResult>> CheckAsync(
        SuppressionCheckRequest request, SuppressionChecker checker, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        if (request.Items is not { Count: > 0 } items)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["Send at least one email address or phone number."] });
        }

        if (items.Count > SuppressionCheckRequest.MaxItems)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
                detail: $"A check holds at most {SuppressionCheckRequest.MaxItems:N0} items; this one has {items.Count:N0}. Split it.");
        }

        var outcome = await checker.CheckAsync(request, database, cancellationToken);
        return outcome.Answer is { } answer ? TypedResults.Ok(answer) : TypedResults.ValidationProblem(outcome.Errors!);
    }
}
