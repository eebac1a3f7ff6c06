namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>Whether the item must not be contacted and, when so, the reason code (<c>DecisionReasons</c>); never who it belongs to.</summary>
public sealed record SuppressionCheckResult(bool Suppressed, string? Reason);
