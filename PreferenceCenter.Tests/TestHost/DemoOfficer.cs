namespace PreferenceCenter.Tests.TestHost;

/// <summary>The demo privacy officer the README promises in Development (never in Production).</summary>
public static class DemoOfficer
{
    public const string Email = "officer@example.com";
    public const string Password = DemoCustomer.Password;
}
