namespace PreferenceCenter.Features.Messaging.Links;

/// <summary>What an emailed link may do. Carried inside the token: a link made for one purpose opens no other.</summary>
public enum LinkPurpose
{
    Unsubscribe = 1,
    ConfirmOptIn = 2,
    Renew = 3,

    /// <summary>The customer confirms their erasure request; the token's key is the request's id.</summary>
    ConfirmErasure = 4,

    /// <summary>
    /// Opens the customer's /preferences without a password (every email's "manage your preferences" link): a short
    /// session that may change consents, never download the export or ask to be forgotten.
    /// </summary>
    ManagePreferences = 5,
}
