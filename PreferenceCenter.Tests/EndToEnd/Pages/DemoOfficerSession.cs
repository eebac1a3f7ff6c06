using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>The demo privacy officer, signed in once per app host (<see cref="DemoSignIn"/>).</summary>
public static class DemoOfficerSession
{
    private static readonly DemoSignIn SignIn = new(DemoOfficer.Email, DemoOfficer.Password);

    public static Task<IPage> NewPageAsync(BrowserFixture browser, AppHost app, string timeZone = "UTC") =>
        SignIn.NewPageAsync(browser, app, timeZone);
}
