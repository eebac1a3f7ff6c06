using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Api.Authentication;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Import;

/// <summary>
/// <c>/api/v1/imports</c> (<c>consents:import</c>): post a CSV file (<c>text/csv</c>) for a dry run (a report, nothing
/// changed) or a real run (queued, answered 202 with where to poll), and poll a run the client started.
/// </summary>
public static class ImportEndpoints
{
    public static RouteGroupBuilder MapImports(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/imports").WithTags("Imports");
        group.MapPost("/", PostAsync).RequireAuthorization(ApiPolicies.ConsentsImport).WithName("ImportConsents")
            .Accepts<string>("text/csv")
            .WithSummary("Import consents gathered elsewhere from a CSV file, with their evidence. ?dryRun=true checks the file and changes nothing.");
        group.MapGet("/{id:guid}", GetAsync).RequireAuthorization(ApiPolicies.ConsentsImport).WithName("ImportStatus")
            .WithSummary("Where an import this client started stands: rows done, written, unchanged, suppressed, refused.");
        return api;
    }

    private static async Task<Results<Ok<ImportCheck>, Accepted<ImportRunView>, UnprocessableEntity<ImportCheck>, ProblemHttpResult>> PostAsync(
        HttpContext http, ImportService imports, IOptions<ImportOptions> options, bool? dryRun, string? fileName, CancellationToken cancellationToken)
    {
        var media = http.Request.ContentType?.Split(';')[0].Trim();
        if (media is not ("text/csv" or "application/csv" or "text/plain"))
        {
            return Problem(StatusCodes.Status415UnsupportedMediaType, "Not a CSV file", "Send the file as the body, with Content-Type: text/csv (UTF-8).");
        }

        var file = await ImportBody.ReadAsync(http, options.Value.MaxFileBytes, cancellationToken);
        if (file is null)
        {
            return Problem(StatusCodes.Status413PayloadTooLarge, "File too large",
                $"An import file may be at most {options.Value.MaxFileBytes:N0} bytes; split it into several files (each is idempotent).");
        }

        if (dryRun == true)
        {
            return TypedResults.Ok(await imports.CheckAsync(file, cancellationToken));
        }

        if (!ImportService.IsPlainFileName(fileName))
        {
            // A NUL in particular: PostgreSQL's text refuses it (the write would fail), SQLite would keep it.
            return Problem(StatusCodes.Status400BadRequest, "Not a file name",
                "fileName is a label for the import, without control characters such as NUL.");
        }

        var start = await imports.StartAsync(file, fileName, Actor.ApiClient(http.User.GetApiClientId()!.Value), cancellationToken);
        return start.Run is { } run
            ? TypedResults.Accepted($"/api/v1/imports/{run.Id}", run)
            : TypedResults.UnprocessableEntity(start.Check);
    }

    private static async Task<Results<Ok<ImportRunView>, NotFound<ProblemDetails>>> GetAsync(
        Guid id, HttpContext http, ImportService imports, CancellationToken cancellationToken) =>
        await imports.GetAsync(id, Actor.ApiClient(http.User.GetApiClientId()!.Value), cancellationToken) is { } run
            ? TypedResults.Ok(run)
            : TypedResults.NotFound(new ProblemDetails { Status = 404, Title = "Unknown import", Detail = $"This client started no import {id}." });

    private static ProblemHttpResult Problem(int status, string title, string detail) =>
        TypedResults.Problem(new ProblemDetails { Status = status, Title = title, Detail = detail });
}
