using System.Net;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// Return URLs after sign-in, sign-out and the language switch are the attacker's to write. Whatever they hold, the
/// answer is a redirect inside this app: never elsewhere, never a 500.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ReturnUrlTests(AppHost app)
{
    public static TheoryData<string> Hostile() =>
    [
        "https://attacker.example/", "//attacker.example", "/\\attacker.example", "javascript:alert(1)",
        "preferences\r\nSet-Cookie: stolen=1", "~//attacker.example", new string('a', 5000),
    ];

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Signing_in_with_a_hostile_return_url_lands_inside_the_app(string returnUrl)
    {
        using var client = new SignInClient(app.BaseAddress);
        var values = new Dictionary<string, string> { ["Input.Email"] = DemoCustomer.Email, ["Input.Password"] = DemoCustomer.Password };

        using var response = await client.PostFormAsync($"Account/Login?ReturnUrl={Uri.EscapeDataString(returnUrl)}", "login", values);

        AssertRedirectsInsideTheApp(response);
        Assert.True(client.IsSignedIn);
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Signing_out_and_switching_language_with_a_hostile_return_url_land_inside_the_app(string returnUrl)
    {
        using var client = new SignInClient(app.BaseAddress);
        await client.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        using (var language = await client.PostFormAsync(
            "privacy", "", new Dictionary<string, string> { ["culture"] = "en", ["returnUrl"] = returnUrl }, action: "culture"))
        {
            AssertRedirectsInsideTheApp(language);
        }

        using var signOut = await client.PostFormAsync(
            "privacy", "", new Dictionary<string, string> { ["ReturnUrl"] = returnUrl }, action: "Account/Logout");
        AssertRedirectsInsideTheApp(signOut);
        Assert.False(client.IsSignedIn);
    }

    private void AssertRedirectsInsideTheApp(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(app.BaseAddress, response.Headers.Location!);
        Assert.Equal(app.BaseAddress.Authority, location.Authority);
        Assert.DoesNotContain("attacker", location.AbsoluteUri, StringComparison.OrdinalIgnoreCase);
    }
}
