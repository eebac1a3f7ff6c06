using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;

namespace PreferenceCenter.Features.MyData;

/// <summary>The fixed codes the export uses for how a consent event was expressed and by whom (ISO/IEC TS 27560 "method" and "by").</summary>
public static class ConsentVocabulary
{
    public static string Method(ChangeSource source) => source switch
    {
        // Ticked on the sign-up form: a web form too, where the data was collected.
        ChangeSource.Web or ChangeSource.Registration => "web-form",
        ChangeSource.Support => "support",
        ChangeSource.EmailLink or ChangeSource.UnsubscribePage or ChangeSource.ConfirmationLink or ChangeSource.RenewalLink => "email-link",
        ChangeSource.OneClickUnsubscribe => "email-one-click",
        ChangeSource.Api => "api",
        ChangeSource.GlobalPrivacyControl => "browser-signal",
        _ => "system",
    };

    /// <summary>
    /// The state an event left the consent in: granted, withdrawn, pending, expired — or renewed (its entry records
    /// the new end date, not a state), or not-confirmed (a double opt-in request whose link expired unused).
    /// </summary>
    public static string State(LedgerEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.EventType switch
        {
            LedgerEventType.ConsentRenewed => "renewed",
            LedgerEventType.ConsentConfirmationLapsed => "not-confirmed",
            _ => entry.After ?? string.Empty,
        };
    }

    public static string ExpressedBy(ActorKind actor) => actor switch
    {
        ActorKind.Customer => "data-subject",
        ActorKind.Staff => "staff-on-behalf",
        ActorKind.ApiClient => "api-client",
        _ => "system",
    };
}
