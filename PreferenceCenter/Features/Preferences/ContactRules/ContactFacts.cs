using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Privacy;

namespace PreferenceCenter.Features.Preferences.ContactRules;

/// <summary>
/// Everything the contact decision depends on, read together so the rule itself stays pure.
/// <paramref name="AddressSuppressed"/>: the subject was asked for by an address no customer has, and it is on the suppression list.
/// </summary>
public sealed record ContactFacts(
    Channel Channel,
    CustomerStatus? CustomerStatus,
    Purpose? Purpose,
    Consent? Consent,
    ContactRule? Rule,
    DateTimeOffset? LastContactedAt,
    bool AddressSuppressed = false);
