using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>Every email's "manage your preferences" link: into /preferences without a password, and no further.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class ManageLinkJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task The_link_in_a_received_email_opens_preferences_in_a_fresh_browser_and_a_consent_changes_without_a_password()
    {
        var email = $"manage.{Guid.NewGuid():N}@example.com";
        var customer = await app.NewAccountAsync(email);
        // Asking for marketing by email sends the confirmation request; its footer carries the manage link.
        var asked = await app.Services.GetRequiredService<ConsentService>().SetAsync(
            new ConsentChange(customer, "marketing", Channel.Email, true, 0, Actor.Customer(customer), ChangeSource.Web));
        Assert.True(asked.Succeeded, asked.Message);
        using var mail = await PickupMailbox.WaitForAsync(app.PickupDirectory, email, "Please confirm: Marketing by email");
        var link = MailPickup.LinkTo(mail, "/m/" + EmailLinks.Token(mail.TextBody, "m"));

        var page = await browser.NewPageAsync(); // a fresh context: no cookie, no password
        await using var context = page.Context;
        await page.GotoAsync(link.AbsoluteUri);
        await BlazorCircuit.RunAndWaitAsync(page, () => page.GetByRole(AriaRole.Button, new() { Name = "Open my preferences", Exact = true }).ClickAsync());

        await Expect(page).ToHaveURLAsync(app.Url("preferences"));
        await Expect(page.Locator(".email-link-session")).ToContainTextAsync("You opened this page from a link in our email, without your password");
        var preferences = new PreferencesPage(page, app);
        await preferences.Switch("Sharing with Northwind Travel by email").ClickAsync();
        await Expect(preferences.Status).ToContainTextAsync("Sharing with Northwind Travel by email is on");
        Assert.True((await app.Services.GetRequiredService<ConsentService>().GetCellsAsync(customer))[("sharing-northwind", Channel.Email)].IsOn);

        // The export and forget-me still ask for a proper sign-in, and come back after it.
        await page.GotoAsync(app.Url("my-data"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Fmy-data"));
        await page.GotoAsync(app.Url("forget-me"));
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login\\?ReturnUrl=%2Fforget-me"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        var cookies = await context.CookiesAsync();
        client.DefaultRequestHeaders.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Name}={c.Value}")));
        using var download = await client.GetAsync("my-data/download");
        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.Contains("/Account/Login", download.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_GET_only_shows_the_button_and_signs_nobody_in()
    {
        var customer = await app.NewAccountAsync($"manage.{Guid.NewGuid():N}@example.com");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"m/{Token(customer, LinkPurpose.ManagePreferences, TimeSpan.FromHours(1))}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Open my preferences", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith(".AspNetCore.Identity.Application", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_expired_link_is_410_with_a_clear_page()
    {
        var customer = await app.NewAccountAsync($"manage.{Guid.NewGuid():N}@example.com");
        var token = Token(customer, LinkPurpose.ManagePreferences, TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"m/{token}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This link has expired", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token-at-all")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_forged_link_is_400_with_a_clear_page(string token)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"m/{token}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unsubscribe_link_does_not_open_preferences()
    {
        var customer = await app.NewAccountAsync($"manage.{Guid.NewGuid():N}@example.com");
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"m/{Token(customer, LinkPurpose.Unsubscribe, TimeSpan.FromHours(1))}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task After_erasure_the_link_is_useless_410_and_pressing_its_button_signs_nobody_in()
    {
        var customer = await app.NewAccountAsync($"manage.{Guid.NewGuid():N}@example.com");
        var token = Token(customer, LinkPurpose.ManagePreferences, TimeSpan.FromHours(1));
        await app.Services.GetRequiredService<ErasureExecutor>().ExecuteAsync(customer, Actor.System("test"));
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"m/{token}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("This link no longer works: the data it was for has been erased.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private string Token(Guid customer, LinkPurpose purpose, TimeSpan lifetime) =>
        app.Services.GetRequiredService<LinkTokens>().Create(purpose, customer, "marketing", Channel.Email, lifetime);
}
