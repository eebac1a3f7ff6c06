using Microsoft.AspNetCore.Authorization;
using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Features.Api.Authentication;

/// <summary>One policy per scope, each authenticated by the API key scheme alone (never the sign-in cookie).</summary>
public static class ApiPolicies
{
    public const string Any = "api";
    public const string Decisions = "api:" + ApiScopes.Decisions;
    public const string ConsentsRead = "api:" + ApiScopes.ConsentsRead;
    public const string ConsentsWrite = "api:" + ApiScopes.ConsentsWrite;
    public const string SuppressionsRead = "api:" + ApiScopes.SuppressionsRead;
    public const string ConsentsImport = "api:" + ApiScopes.ConsentsImport;

    public static void Register(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Any, p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme).RequireClaim(ApiClaims.ClientId));
        foreach (var scope in ApiScopes.All)
        {
            options.AddPolicy("api:" + scope, p => p.AddAuthenticationSchemes(ApiKeyDefaults.Scheme)
                .RequireClaim(ApiClaims.ClientId).RequireClaim(ApiClaims.Scope, scope));
        }
    }
}
