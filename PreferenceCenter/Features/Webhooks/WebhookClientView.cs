namespace PreferenceCenter.Features.Webhooks;

/// <summary>An API client endpoints can be registered for, with the partner it belongs to (if any).</summary>
public sealed record WebhookClientView(Guid Id, string Name, int? RecipientId);
