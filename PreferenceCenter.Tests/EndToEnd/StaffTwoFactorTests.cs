using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// <c>Security:RequireStaffTwoFactor</c>: on by default, off only in the repository-root development settings. With
/// it on, a staff member without an authenticator is sent to set one up before any staff page.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class StaffTwoFactorTests(AppHost development, StaffTwoFactorAppHost strict) : IClassFixture<StaffTwoFactorAppHost>
{
    [Theory]
    [InlineData(DemoSupport.Email, "support")]
    [InlineData(DemoOfficer.Email, "support")]
    [InlineData(DemoOfficer.Email, "admin/questions")]
    public async Task When_required_staff_without_an_authenticator_are_sent_to_set_one_up(string email, string path)
    {
        using var client = new SignInClient(strict.BaseAddress);
        await client.SignInAsync(email, DemoCustomer.Password);

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(StaffTwoFactorRedirect.SetUpPath, response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("Account/Manage/EnableAuthenticator")).StatusCode);
    }

    [Fact]
    public async Task When_required_a_customer_still_gets_access_denied_not_the_set_up_page()
    {
        using var client = new SignInClient(strict.BaseAddress);
        await client.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        using var response = await client.GetAsync("support");

        Assert.StartsWith("/Account/AccessDenied", response.Headers.Location?.AbsolutePath ?? response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task When_required_an_account_with_the_authenticator_on_passes_the_staff_policy()
    {
        await using var scope = strict.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = "agent.2fa@example.com", Email = "agent.2fa@example.com", EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoCustomer.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Support);
        var principals = scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>();
        var authorization = scope.ServiceProvider.GetRequiredService<IAuthorizationService>();

        var before = await authorization.AuthorizeAsync(await principals.CreateAsync(user), Policies.SupportAgent);
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var after = await authorization.AuthorizeAsync(await principals.CreateAsync(user), Policies.SupportAgent);

        Assert.False(before.Succeeded);
        Assert.True(after.Succeeded);
    }

    [Fact]
    public async Task In_development_the_root_settings_switch_it_off_so_the_demo_agent_opens_the_console()
    {
        using var client = new SignInClient(development.BaseAddress);
        await client.SignInAsync(DemoSupport.Email, DemoSupport.Password);

        using var response = await client.GetAsync("support");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
