namespace PreferenceCenter.Features.Api.Clients;

/// <summary>
/// A system that asks before it sends (a newsletter tool, a CRM): its name as customers read it in their history, what
/// it may do, and its secret — stored only as a hash. A rotation keeps the previous secret working until
/// <see cref="PreviousSecretValidUntil"/>; revoking stops both at once.
/// </summary>
public sealed class ApiClient
{
    public const int NameMaxLength = 80;
    public const int MinRequestsPerMinute = 1;
    public const int MaxRequestsPerMinute = 1_000_000;
    public const int DefaultRequestsPerMinute = 600;

    public Guid Id { get; init; }
    public required string Name { get; set; }

    /// <summary>Space-separated scopes (<see cref="ApiScopes"/>), as OAuth writes them.</summary>
    public required string Scopes { get; set; }

    public required byte[] SecretHash { get; set; }
    public byte[]? PreviousSecretHash { get; set; }
    public DateTimeOffset? PreviousSecretValidUntil { get; set; }
    public int RequestsPerMinute { get; set; } = DefaultRequestsPerMinute;
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>The partner (a <c>Recipient</c> of sharing purposes) this client belongs to, if any: customers see what reached it.</summary>
    public int? RecipientId { get; set; }

    /// <summary>Concurrency token: two officers rotating at once must not both think their secret is the one in force.</summary>
    public int Version { get; set; }
}
