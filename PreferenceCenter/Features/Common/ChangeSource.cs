namespace PreferenceCenter.Features.Common;

/// <summary>Through which door a change came in. Stored and hashed: the numbers never change.</summary>
public enum ChangeSource
{
    Web = 1,
    Support = 2,
    EmailLink = 3,
    Api = 4,
    System = 5,

    /// <summary>The mailbox's one-click button (RFC 8058 POST from the List-Unsubscribe header).</summary>
    OneClickUnsubscribe = 6,

    /// <summary>A choice made on the page an email's unsubscribe link opens.</summary>
    UnsubscribePage = 7,

    /// <summary>The erasure of a customer, step by step.</summary>
    Erasure = 8,

    /// <summary>The "renew" link in a renewal reminder.</summary>
    RenewalLink = 9,

    /// <summary>The link in a double opt-in confirmation email.</summary>
    ConfirmationLink = 10,

    /// <summary>A bulk import of consents gathered elsewhere, with their evidence (Features/Import).</summary>
    Import = 11,

    /// <summary>The customer's browser sent Global Privacy Control (<c>Sec-GPC: 1</c>) while they were signed in.</summary>
    GlobalPrivacyControl = 12,

    /// <summary>Ticked on the sign-up form, with the purpose's summary and the notice version it showed.</summary>
    Registration = 13,
}
