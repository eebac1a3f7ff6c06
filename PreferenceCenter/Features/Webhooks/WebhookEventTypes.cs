using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.Webhooks;

/// <summary>
/// The event types an endpoint can choose, and which ledger entries make each: every change is in the ledger (in
/// its own transaction), so reading the ledger misses no change path (ADR 0012).
/// </summary>
public static class WebhookEventTypes
{
    public const string ConsentChanged = "consent.changed";
    public const string PreferencesChanged = "preferences.changed";
    public const string CustomerErased = "customer.erased";
    public const string SuppressionAdded = "suppression.added";

    public static readonly IReadOnlyList<string> All = [ConsentChanged, PreferencesChanged, CustomerErased, SuppressionAdded];

    /// <summary>The ledger events that become webhooks, for the feed's query.</summary>
    public static readonly IReadOnlyList<LedgerEventType> Sources =
    [
        LedgerEventType.ConsentGranted, LedgerEventType.ConsentWithdrawn, LedgerEventType.ConsentPendingConfirmation,
        LedgerEventType.ConsentConfirmed, LedgerEventType.ConsentExpired, LedgerEventType.ConsentRenewed,
        LedgerEventType.ConsentConfirmationLapsed,
        LedgerEventType.ContactFrequencyChanged, LedgerEventType.ContactPaused, LedgerEventType.ContactPauseLifted,
        LedgerEventType.CustomerErased, LedgerEventType.ErasureSuppressionWritten,
    ];

    /// <summary>The event type a ledger entry makes, or null when it makes none.</summary>
    public static string? Of(LedgerEventType entry) => entry switch
    {
        LedgerEventType.ConsentGranted or LedgerEventType.ConsentWithdrawn or LedgerEventType.ConsentPendingConfirmation
            or LedgerEventType.ConsentConfirmed or LedgerEventType.ConsentExpired or LedgerEventType.ConsentRenewed
            or LedgerEventType.ConsentConfirmationLapsed => ConsentChanged,
        LedgerEventType.ContactFrequencyChanged or LedgerEventType.ContactPaused or LedgerEventType.ContactPauseLifted => PreferencesChanged,
        LedgerEventType.CustomerErased => CustomerErased,
        LedgerEventType.ErasureSuppressionWritten => SuppressionAdded,
        _ => null,
    };

    /// <summary>Space-separated, in the order of <see cref="All"/>; null when a type is unknown or none is chosen.</summary>
    public static string? Format(IEnumerable<string> chosen)
    {
        var set = chosen.ToHashSet(StringComparer.Ordinal);
        return set.Count == 0 || !set.IsSubsetOf(All) ? null : string.Join(' ', All.Where(set.Contains));
    }
}
