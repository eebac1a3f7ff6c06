using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using PreferenceCenter.Features.Api;
using PreferenceCenter.Features.Api.Authentication;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Api.Consents;
using PreferenceCenter.Features.Api.Decisions;
using PreferenceCenter.Features.Api.Suppressions;
using Scalar.AspNetCore;

namespace Microsoft.Extensions.DependencyInjection;

public static class ApiServiceCollectionExtensions
{
    public const string BasePath = "/api";

    public static IServiceCollection AddApi(this IServiceCollection services)
    {
        services.AddSingleton<ApiClientService>();
        services.AddScoped<ApiRequestDatabase>();
        services.AddSingleton<SubjectResolver>();
        services.AddSingleton<DecisionDesk>();
        services.AddSingleton<ApiConsentReader>();
        services.AddSingleton<SuppressionFeed>();
        services.AddSingleton<SuppressionChecker>();
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorization(ApiPolicies.Register);
        services.AddRateLimiter(ApiRateLimits.Register);
        services.AddProblemDetails();
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "PreferenceCenter API", Version = "v1",
                    Description = "Ask before every send: may we contact this customer, on this channel, for this purpose, now?",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyDefaults.Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "An API key from /admin/api-clients: Authorization: Bearer pck_…",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, document)] = [] }];
                ApiErrorResponses.Document(document);
                return Task.CompletedTask;
            });
        });
        return services;
    }

    /// <summary><c>/api/v1</c> (rate-limited per client), its OpenAPI document and the reference page for developers.</summary>
    public static IEndpointRouteBuilder MapApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var api = endpoints.MapGroup(BasePath + "/v1").RequireRateLimiting(ApiRateLimits.PerClient);
        api.MapGet("/me", Me).RequireAuthorization(ApiPolicies.Any).WithTags("Client").WithName("Me")
            .WithSummary("The client this key belongs to and its scopes.");
        api.MapDecisions();
        api.MapConsents();
        api.MapSuppressions();
        endpoints.MapOpenApi();
        // A fresh nonce per response: the page's one inline script runs under the app's CSP (SecurityHeaders).
        // No fonts from Scalar's servers: the page makes no request outside this app (and the CSP would refuse it).
        endpoints.MapScalarApiReference(options => options.WithTitle("PreferenceCenter API").WithNonce().DisableDefaultFonts());
        return endpoints;
    }

    private static Ok<ApiCaller> Me(HttpContext http) => TypedResults.Ok(new ApiCaller(
        http.User.Identity!.Name!, [.. http.User.FindAll(ApiClaims.Scope).Select(c => c.Value)]));
}
