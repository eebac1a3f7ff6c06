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

    [Fact]
    public void AccountLinks_ForAVisitor_OffersSignInAndRegistration()
    {
        AddAuthorization();

        var cut = Render<AccountLinks>();

        Assert.Equal(["Account/Login", "Account/Register"], cut.FindAll("a").Select(a => a.GetAttribute("href")));
        Assert.Empty(cut.FindAll("form"));
    }

    [Fact]
    public void NavMenu_ForAVisitor_ShowsOnlyThePrivacySummary()
    {
        AddAuthorization();

        var cut = Render<NavMenu>();

        Assert.Equal(["privacy"], cut.FindAll("nav a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public void NavMenu_ForACustomer_ShowsTheirPagesAndMarksTheCurrentOneAsTheReaderMoves()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("customer@example.com");
        auth.SetPolicies(Policies.Customer);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("history?page=2");

        var cut = Render<NavMenu>();

        Assert.Equal(["privacy", "preferences", "history", "my-data", "forget-me", "Account/Manage"], cut.FindAll("nav a").Select(a => a.GetAttribute("href")));
        Assert.Equal(["history"], cut.FindAll("nav a[aria-current=page].active").Select(a => a.GetAttribute("href")));
        navigation.NavigateTo("preferences");
        cut.WaitForAssertion(() => Assert.Equal(["preferences"], cut.FindAll("nav a[aria-current=page]").Select(a => a.GetAttribute("href"))));
    }

    [Fact]
    public void NavMenu_ForAnOfficer_MarksTheOverviewOnlyOnItsOwnPage()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("officer@example.com");
        auth.SetPolicies(Policies.PrivacyOfficer, Policies.SupportAgent);
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/questions");

        var cut = Render<NavMenu>();

        var links = cut.FindAll("nav a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("support", links);
        Assert.Contains("admin/imports", links);
        Assert.DoesNotContain("preferences", links);
        Assert.Equal(["admin/questions"], cut.FindAll("nav a[aria-current=page]").Select(a => a.GetAttribute("href")));
    }
}
