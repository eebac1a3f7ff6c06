using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// One "may we contact them?" in a batch. <paramref name="CustomerId"/> is null when the subject was not found;
/// <paramref name="AddressSuppressed"/> then says whether the address belonged to an erased customer.
/// </summary>
public sealed record ContactQuestion(Guid? CustomerId, Channel Channel, string PurposeKey, bool AddressSuppressed = false);
