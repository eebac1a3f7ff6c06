using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.History;
using PreferenceCenter.Features.Preferences.ContactRules;

namespace PreferenceCenter.Features.Support;

/// <summary>Everything the customer page shows about one customer, read in the agent's language.</summary>
public sealed record SupportCustomerDetails(
    IReadOnlyDictionary<(string PurposeKey, Channel Channel), ConsentCell> Consents,
    IReadOnlyDictionary<Channel, ContactRuleView> ContactRules,
    IReadOnlyList<SupportAnswer> Answers,
    HistoryPage History,
    ErasureRequestView? OpenErasure);
