namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// A question about a customer a sender names by reference. <paramref name="Reference"/> is null when the sender named an
/// address nobody has; <paramref name="AddressSuppressed"/> then says whether it belonged to an erased customer.
/// </summary>
public sealed record ReferencedQuestion(string? Reference, bool AddressSuppressed = false);
