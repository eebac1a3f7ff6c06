using System.Security.Claims;

namespace PreferenceCenter.Features.Api.Authentication;

/// <summary>The claims an API caller carries for the length of one request.</summary>
public static class ApiClaims
{
    public const string ClientId = "api_client";
    public const string Scope = "scope";
    public const string RequestsPerMinute = "api_rpm";

    public static Guid? GetApiClientId(this ClaimsPrincipal user) =>
        Guid.TryParseExact(user?.FindFirstValue(ClientId), "N", out var id) ? id : null;
}
