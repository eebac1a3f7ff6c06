using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>The demo customer, signed in once per app host (<see cref="DemoSignIn"/>).</summary>
public static class DemoCustomerSession
{
    private static readonly DemoSignIn SignIn = new(DemoCustomer.Email, DemoCustomer.Password);

    public static Task<IPage> NewPageAsync(BrowserFixture browser, AppHost app, string timeZone = "UTC", bool javaScriptEnabled = true) =>
        SignIn.NewPageAsync(browser, app, timeZone, javaScriptEnabled);
}
