namespace PreferenceCenter.Features.Accounts;

public static class Roles
{
    public const string Customer = "Customer";
    public const string Support = "Support";
    public const string PrivacyOfficer = "PrivacyOfficer";

    public static readonly IReadOnlyList<string> All = [Customer, Support, PrivacyOfficer];
}
