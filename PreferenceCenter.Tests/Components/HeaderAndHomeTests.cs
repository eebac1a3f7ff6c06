using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Components.Layout;
using PreferenceCenter.Components.Pages;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Components;

public sealed class HeaderAndHomeTests : ComponentTestBase
{
    public HeaderAndHomeTests() : base("it")
    {
    }

    [Fact]
    public void LanguageSwitcher_MarksTheCurrentLanguageAndComesBackToThisPage()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("history?page=2");

        var cut = Render<LanguageSwitcher>();

        Assert.Equal("/history?page=2", cut.Find("input[name=returnUrl]").GetAttribute("value"));
        Assert.Equal(["English", "Italiano", "Español"], cut.FindAll("button").Select(b => b.TextContent));
        Assert.Equal(["it"], cut.FindAll("button[aria-current=true]").Select(b => b.GetAttribute("value")));
        Services.GetRequiredService<NavigationManager>().NavigateTo("privacy");
        cut.WaitForAssertion(() => Assert.Equal("/privacy", cut.Find("input[name=returnUrl]").GetAttribute("value")));
    }

    [Fact]
    public void Home_ForAVisitor_OffersTheSummaryAndASignIn()
    {
        AddAuthorization();

        var cut = Render<Home>();

        Assert.Equal(["privacy", "Account/Login"], cut.FindAll("ul.home-links a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void Home_ForASignedInCustomer_LeadsToTheirPreferencesAndHistory()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("customer@example.com");
        auth.SetRoles(Roles.Customer);
        auth.SetClaims(new Claim(CustomerClaims.CustomerId, Guid.NewGuid().ToString()));
        auth.SetPolicies(Policies.Customer);

        var cut = Render<Home>();

        Assert.Equal(["privacy", "preferences", "history"], cut.FindAll("ul.home-links a").Select(a => a.GetAttribute("href")));
        Assert.Equal("I tuoi dati, la tua scelta", cut.Find("h1").TextContent);
    }

    [Fact]
    public void AccountLinks_ForASignedInUser_SignOutReturnsToTheCurrentPage()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("customer@example.com");
        Services.GetRequiredService<NavigationManager>().NavigateTo("preferences");

        var cut = Render<AccountLinks>();

        Assert.Equal("Account/Logout", cut.Find("form").GetAttribute("action"));
        Assert.Equal("preferences", cut.Find("input[name=ReturnUrl]").GetAttribute("value"));
        Assert.Equal("Esci", cut.Find("button").TextContent);
    }
}
