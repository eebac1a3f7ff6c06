using Microsoft.Playwright;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd.Pages;

/// <summary>The demo support agent, signed in once per app host (<see cref="DemoSignIn"/>).</summary>
public static class DemoSupportSession
{
    private static readonly DemoSignIn SignIn = new(DemoSupport.Email, DemoSupport.Password);

    public static Task<IPage> NewPageAsync(BrowserFixture browser, AppHost app, string timeZone = "UTC") =>
        SignIn.NewPageAsync(browser, app, timeZone);
}
