namespace PreferenceCenter.Features.Webhooks;

/// <summary>An endpoint as the officer's page shows it: what it hears and how delivery to it is going.</summary>
public sealed record WebhookEndpointHealth(
    Guid Id,
    string ClientName,
    string Url,
    IReadOnlyList<string> EventTypes,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DisabledAt,
    DateTimeOffset? LastSuccessAt,
    int Failing,
    int Backlog,
    int DeadLetters,
    string? LastError);
