namespace PreferenceCenter.Features.Api.Clients;

/// <summary>A client as the officer's list shows it; never its secret or hash.</summary>
public sealed record ApiClientView(
    Guid Id, string Name, IReadOnlyList<string> Scopes, int RequestsPerMinute, DateTimeOffset CreatedAt,
    DateTimeOffset? RevokedAt, DateTimeOffset? PreviousSecretValidUntil)
{
    public bool IsRevoked => RevokedAt is not null;

    internal static ApiClientView Of(ApiClient client) => new(
        client.Id, client.Name, ApiScopes.Parse(client.Scopes), client.RequestsPerMinute, client.CreatedAt, client.RevokedAt,
        client.PreviousSecretValidUntil);
}
