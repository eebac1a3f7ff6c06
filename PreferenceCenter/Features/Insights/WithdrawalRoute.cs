namespace PreferenceCenter.Features.Insights;

/// <summary>Where a withdrawal came from, as the withdrawals chart groups them (numbers are column positions).</summary>
public enum WithdrawalRoute
{
    PreferencesPage = 0,
    UnsubscribePage = 1,
    OneClick = 2,
    Support = 3,
    Api = 4,
    GlobalPrivacyControl = 5,
    Import = 6,
    Expiry = 7,
    Other = 8,
}
