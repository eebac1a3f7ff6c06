using PreferenceCenter.Features.Common;
namespace PreferenceCenter.Features.Api.Clients;

/// <summary>What an officer may set on a client, free of storage so every case can be tested directly.</summary>
public static class ApiClientRules
{
    /// <summary>Long enough to move every sender to a new secret; short enough that a leaked old one soon dies.</summary>
    public static readonly TimeSpan MaxGrace = TimeSpan.FromDays(30);

    public static ApiClientProblem? Check(string? name, IReadOnlyCollection<string>? scopes, int requestsPerMinute)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ApiClientProblem.NameRequired;
        }

        if (name.Trim().Length > ApiClient.NameMaxLength)
        {
            return ApiClientProblem.NameTooLong;
        }

        if (PlainText.HasControlCharacter(name))
        {
            return ApiClientProblem.NameHasControlCharacter;
        }

        if (scopes is null || scopes.Count == 0)
        {
            return ApiClientProblem.NoScope;
        }

        if (!scopes.All(ApiScopes.IsKnown))
        {
            return ApiClientProblem.UnknownScope;
        }

        return requestsPerMinute is < ApiClient.MinRequestsPerMinute or > ApiClient.MaxRequestsPerMinute
            ? ApiClientProblem.LimitOutOfRange
            : null;
    }

    public static ApiClientProblem? CheckGrace(TimeSpan grace) =>
        grace < TimeSpan.Zero || grace > MaxGrace ? ApiClientProblem.GraceOutOfRange : null;

    /// <summary>The secret works when it is the current one, or the previous one still inside its grace period.</summary>
    public static bool Accepts(ApiClient client, string secret, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (client.RevokedAt is not null)
        {
            return false;
        }

        // Both compared every time, so the time taken does not say which one matched.
        var current = ApiKey.Matches(secret, client.SecretHash);
        var previous = ApiKey.Matches(secret, client.PreviousSecretHash) && client.PreviousSecretValidUntil > now;
        return current | previous;
    }
}
