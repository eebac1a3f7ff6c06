namespace PreferenceCenter.Tests.TestHost;

/// <summary>The demo customer the README promises in Development (never in Production).</summary>
public static class DemoCustomer
{
    public const string Email = "customer@example.com";
    public const string Password = "Demo!2345";
}
