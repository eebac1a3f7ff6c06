namespace PreferenceCenter.Features.Api.Suppressions;

/// <summary>
/// One line of the suppression list: a customer's standing for the purpose and channel asked about, as of the pull.
/// <see cref="Reason"/> is a decision reason code (<c>DecisionReasons</c>) when suppressed, null when not;
/// <see cref="Since"/> is when the deciding fact took effect, when known; <see cref="Until"/> is when a pause ends.
/// <see cref="Email"/> is sent only to a client with <c>suppressions:addresses</c>, and is null for an erased customer.
/// </summary>
public sealed record SuppressionRow(
    string Reference, bool Suppressed, string? Reason, DateTimeOffset? Since, DateTimeOffset? Until, string? Email = null);
