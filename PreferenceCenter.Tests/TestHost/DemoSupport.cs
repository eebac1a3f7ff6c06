namespace PreferenceCenter.Tests.TestHost;

/// <summary>The demo support agent the README promises in Development (never in Production).</summary>
public static class DemoSupport
{
    public const string Email = "support@example.com";
    public const string Password = DemoCustomer.Password;
}
