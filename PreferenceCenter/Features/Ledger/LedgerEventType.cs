namespace PreferenceCenter.Features.Ledger;

/// <summary>
/// What happened. Numbers are stored and hashed, so they never change; each feature owns a block of 100.
/// </summary>
public enum LedgerEventType
{
    // 100–199: consents
    ConsentGranted = 100,
    ConsentWithdrawn = 101,

    // 300–399: accounts
    CustomerRegistered = 300,
    PreferredLanguageChanged = 301,

    // 600–699: the privacy notice
    NoticePublished = 600,
}
