using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using PreferenceCenter.Features.Api.Authentication;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;

namespace PreferenceCenter.Features.Api.Consents;

/// <summary>
/// <c>/api/v1/customers/{reference}/consents</c>: read a customer's consents (<c>consents:read</c>) and record one
/// gathered elsewhere, with its evidence (<c>consents:write</c>), through <see cref="ConsentService"/> and its rules:
/// marketing by email still waits for the customer's double opt-in, and an erased customer refuses.
/// </summary>
public static class ConsentEndpoints
{
    public static RouteGroupBuilder MapConsents(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/customers/{reference}/consents").WithTags("Consents");
        group.MapGet("/", ReadAsync).RequireAuthorization(ApiPolicies.ConsentsRead).WithName("ReadConsents")
            .WithSummary("A customer's consents: purpose × channel, state, since, expiry, notice version.");
        group.MapPost("/", WriteAsync).RequireAuthorization(ApiPolicies.ConsentsWrite).WithName("WriteConsent")
            .WithSummary("Record a consent given or withdrawn elsewhere, with where, when and under which wording it was captured.");
        return api;
    }

    private static async Task<Results<Ok<CustomerConsents>, ValidationProblem, NotFound<ProblemDetails>>> ReadAsync(
        string reference, ApiConsentReader reader, CancellationToken cancellationToken)
    {
        var normalized = reference.Trim().ToUpperInvariant();
        if (!CustomerReference.IsWellFormed(normalized))
        {
            return BadReference();
        }

        return await reader.FindAsync(normalized, cancellationToken) is { Status: CustomerStatus.Active } customer
            ? TypedResults.Ok(new CustomerConsents(normalized, await reader.ReadAsync(customer.Id, cancellationToken)))
            : UnknownCustomer(normalized);
    }

    private static async Task<Results<Ok<ApiConsent>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> WriteAsync(
        string reference, ConsentWriteRequest request, HttpContext http, ApiConsentReader reader, ConsentService consents,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var normalized = reference.Trim().ToUpperInvariant();
        if (!CustomerReference.IsWellFormed(normalized))
        {
            return BadReference();
        }

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (ConsentWriteRules.Check(request, time.GetUtcNow(), await reader.NoticeVersionsAsync(cancellationToken), errors) is not { } valid)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await reader.FindAsync(normalized, cancellationToken) is not { } customer)
        {
            return UnknownCustomer(normalized);
        }

        var purpose = request.Purpose!.Trim();
        var result = await consents.SetAsync(new ConsentChange(
            customer.Id, purpose, valid.Channel, request.Granted!.Value, request.ExpectedVersion ?? ConsentChange.AnyVersion,
            Actor.ApiClient(http.User.GetApiClientId()!.Value), ChangeSource.Api, valid.Evidence), cancellationToken);
        return result switch
        {
            // A withdrawal of a consent never given succeeds and writes nothing, so there may be no row to show.
            { Succeeded: true } => TypedResults.Ok((await reader.ReadAsync(customer.Id, cancellationToken))
                .FirstOrDefault(c => c.Purpose == purpose && c.Channel == ApiNames.Of(valid.Channel))
                ?? new ApiConsent(purpose, ApiNames.Of(valid.Channel), ConsentRules.StateLabel(null, time.GetUtcNow()), null, null, null, 0)),
            { Problem: ConsentProblem.UnknownPurpose or ConsentProblem.NotBasedOnConsent } =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["purpose"] = [result.Message!] }),
            { Problem: ConsentProblem.NotOfferedOnChannel or ConsentProblem.UnknownChannel } =>
                TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["channel"] = [result.Message!] }),
            { Problem: ConsentProblem.UnknownCustomer } => UnknownCustomer(normalized),
            _ => TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = "Not recorded",
                Detail = result.Message ?? "The consent could not be recorded as asked; nothing was written.",
            }),
        };
    }

    private static ValidationProblem BadReference() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reference"] = ["A customer reference looks like \"PC-7K3M9Q\"."] });

    private static NotFound<ProblemDetails> UnknownCustomer(string reference) => TypedResults.NotFound(new ProblemDetails
    {
        Status = StatusCodes.Status404NotFound, Title = "Unknown customer", Detail = $"No customer has the reference {reference}.",
    });
}
