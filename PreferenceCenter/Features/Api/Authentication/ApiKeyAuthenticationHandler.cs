using System.Globalization;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Features.Api.Authentication;

/// <summary>
/// Reads <c>Authorization: Bearer pck_…</c>, finds the client by the id in the key and checks the secret against the
/// stored hash. Every failure looks the same to the caller (401, <c>WWW-Authenticate: Bearer</c>): a wrong, revoked
/// or expired key says nothing about which it was.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiRequestDatabase database, TimeProvider time)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }

        if (!ApiKey.TryParse(header[BearerPrefix.Length..].Trim(), out var clientId, out var secret))
        {
            return AuthenticateResult.Fail("Malformed API key.");
        }

        var client = await ApiClientService.FindAsync(await database.GetAsync(Context.RequestAborted), clientId, Context.RequestAborted);
        if (client is null || !ApiClientRules.Accepts(client, secret, time.GetUtcNow()))
        {
            return AuthenticateResult.Fail("Unknown, revoked or expired API key.");
        }

        List<Claim> claims =
        [
            new(ApiClaims.ClientId, client.Id.ToString("N")),
            new(ClaimTypes.Name, client.Name),
            new(ApiClaims.RequestsPerMinute, client.RequestsPerMinute.ToString(CultureInfo.InvariantCulture)),
            .. ApiScopes.Parse(client.Scopes).Select(scope => new Claim(ApiClaims.Scope, scope)),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(
            statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
            detail: "Send a valid, unrevoked API key: Authorization: Bearer pck_…").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Results.Problem(
            statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
            detail: "This API key does not have the scope this endpoint needs.").ExecuteAsync(Context);
    }
}
