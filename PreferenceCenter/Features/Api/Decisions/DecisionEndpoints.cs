using Microsoft.AspNetCore.Http.HttpResults;
using PreferenceCenter.Features.Api.Authentication;

namespace PreferenceCenter.Features.Api.Decisions;

/// <summary><c>/api/v1/decisions</c>: one question, a batch, and a reservation; all need the <c>decisions</c> scope.</summary>
public static class DecisionEndpoints
{
    public static RouteGroupBuilder MapDecisions(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/decisions").RequireAuthorization(ApiPolicies.Decisions).WithTags("Decisions");
        group.MapPost("/", DecideAsync).WithName("Decide")
            .WithSummary("May we contact this subject on this channel for this purpose now?");
        group.MapPost("/batch", DecideBatchAsync).WithName("DecideBatch")
            .WithSummary($"Up to {DecisionBatchRequest.MaxItems} questions in one call, answered in order.");
        group.MapPost("/reservations", ReserveAsync).WithName("Reserve")
            .WithSummary("Decide and, when allowed, record the contact, so the customer's contact limit holds across every sender.");
        return api;
    }

    private static async Task<Results<Ok<DecisionAnswer>, ValidationProblem>> DecideAsync(
        DecisionRequest request, DecisionDesk desk, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        var outcome = await desk.AskAsync([request], _ => string.Empty, database, cancellationToken);
        return outcome.IsValid ? TypedResults.Ok(outcome.Answers![0]) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    private static async Task<Results<Ok<DecisionBatchAnswer>, ValidationProblem, ProblemHttpResult>> DecideBatchAsync(
        DecisionBatchRequest request, DecisionDesk desk, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        if (request.Items is not { Count: > 0 } items)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["items"] = ["Send at least one question."] });
        }

        if (items.Count > DecisionBatchRequest.MaxItems)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge, title: "Batch too large",
                detail: $"A batch holds at most {DecisionBatchRequest.MaxItems} questions; this one has {items.Count}. Split it.");
        }

        var outcome = await desk.AskAsync(items, i => $"items[{i}].", database, cancellationToken);
        return outcome.IsValid ? TypedResults.Ok(new DecisionBatchAnswer(outcome.Answers!)) : TypedResults.ValidationProblem(outcome.Errors!);
    }

    private static async Task<Results<Ok<DecisionAnswer>, ValidationProblem>> ReserveAsync(
        DecisionRequest request, DecisionDesk desk, ApiRequestDatabase database, CancellationToken cancellationToken)
    {
        var outcome = await desk.ReserveAsync(request, database, cancellationToken);
        return outcome.IsValid ? TypedResults.Ok(outcome.Answers![0]) : TypedResults.ValidationProblem(outcome.Errors!);
    }
}
