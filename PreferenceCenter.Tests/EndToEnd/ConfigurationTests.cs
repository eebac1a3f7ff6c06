using System.Net;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// Which settings the real app reads. <c>Seed:DemoData</c> is set only in the repository-root
/// <c>appsettings.Development.json</c>, so a working demo sign-in proves that file is read in Development.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ConfigurationTests(AppHost development, ProductionAppHost production) : IClassFixture<ProductionAppHost>
{
    private const string InvalidSignIn = "Error: Invalid login attempt.";
    private const string NoNotice = "No privacy notice has been published yet.";

    [Fact]
    public async Task In_development_the_repository_settings_are_read_so_the_demo_customer_signs_in()
    {
        using var client = new SignInClient(development.BaseAddress);

        var response = await client.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(client.IsSignedIn, "The sign-in answered without setting the Identity cookie.");
        Assert.Contains("My preferences", await client.GetStringAsync("preferences"), StringComparison.Ordinal);
        Assert.DoesNotContain(NoNotice, await client.GetStringAsync("privacy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_production_there_is_no_demo_account_and_no_published_notice()
    {
        using var client = new SignInClient(production.BaseAddress);

        var response = await client.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(InvalidSignIn, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(client.IsSignedIn);
        Assert.Contains(NoNotice, await client.GetStringAsync("privacy"), StringComparison.Ordinal);
    }
}
