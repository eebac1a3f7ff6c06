using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Consents.Lifecycle;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>
/// /confirm/{Token} and /renew/{Token} on screen, as the static pages render them: a GET shows the button and changes
/// nothing; a POST runs the form's handler (the page's own), which does it; a bad link says why, with no button.
/// </summary>
public sealed class ConsentLinkPageTests : ComponentTestBase
{
    private static readonly DateTimeOffset ProfilingEnds = LifecycleFixture.Now.AddMonths(12);

    private LifecycleFixture fixture = null!;

    private async Task SetUpAsync()
    {
        fixture = await LifecycleFixture.CreateAsync();
        Services.AddSingleton(fixture.Get<ConsentLinkService>());
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
    }

    // The static pages read the request's method and set the response's status code on the cascaded HttpContext.
    private IRenderedComponent<ConfirmPage> OpenConfirm(string token, HttpContext http) =>
        Render<ConfirmPage>(p => p.Add(x => x.Token, token).AddCascadingValue(http));

    private IRenderedComponent<RenewPage> OpenRenew(string token, HttpContext http) =>
        Render<RenewPage>(p => p.Add(x => x.Token, token).AddCascadingValue(http));

    private static DefaultHttpContext Request(string method) => new DefaultHttpContext { Request = { Method = method } };

    /// <summary>Marketing by email switched on: waiting for its confirmation link.</summary>
    private async Task<string> PendingConfirmationAsync(TimeSpan? lifetime = null)
    {
        await fixture.SetAsync("marketing", Channel.Email, grant: true);
        return fixture.Token(LinkPurpose.ConfirmOptIn, "marketing", Channel.Email, lifetime ?? TimeSpan.FromDays(7));
    }

    /// <summary>Profiling by email, given a year ago less 20 days: inside its reminder lead, so due for renewal.</summary>
    private async Task<string> DueForRenewalAsync(TimeSpan? lifetime = null)
    {
        await fixture.SetAsync("profiling", Channel.Email, grant: true);
        fixture.Clock.SetUtcNow(ProfilingEnds.AddDays(-20));
        return fixture.Token(LinkPurpose.Renew, "profiling", Channel.Email, lifetime ?? TimeSpan.FromDays(30));
    }

    private static void AssertNoButtonAndAWayToThePreferences<TPage>(IRenderedComponent<TPage> page) where TPage : IComponent
    {
        Assert.Empty(page.FindAll("button"));
        Assert.Equal("See and change all your preferences", page.Find("a[href=preferences]").TextContent);
    }

    [Fact]
    public async Task Confirm_Get_WithAValidLink_ShowsTheButton_AndConfirmsNothingYet()
    {
        await SetUpAsync();
        var token = await PendingConfirmationAsync();
        var http = Request("GET");

        var page = OpenConfirm(token, http);

        // Static rendering sends the page once its queries are done; bUnit draws it at the first await (on PostgreSQL, before them).
        page.WaitForElement("form p.lead-text");
        Assert.Equal("You asked to receive Marketing by email. Press the button to confirm: it starts from now.", page.Find("form p.lead-text").TextContent);
        var button = page.Find("form[method=post] button[type=submit]");
        Assert.Equal("Confirm", button.TextContent);
        Assert.Empty(page.FindAll(".link-outcome"));
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task Confirm_Post_ConfirmsTheConsent_AndSaysUntilWhen()
    {
        await SetUpAsync();
        var token = await PendingConfirmationAsync();
        var http = Request("POST");
        var page = OpenConfirm(token, http);

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Thank you: Marketing by email is on, until 23 November 2028.", page.Find(".link-outcome[role=status]").TextContent));
        AssertNoButtonAndAWayToThePreferences(page);
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(ConsentState.Granted, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task Confirm_Get_WithAnExpiredLink_SaysItExpired_OffersNoButton_AndIs410()
    {
        await SetUpAsync();
        var token = await PendingConfirmationAsync(TimeSpan.FromDays(7));
        fixture.Clock.Advance(TimeSpan.FromDays(8));
        var http = Request("GET");

        var page = OpenConfirm(token, http);

        Assert.Equal(
            "This confirmation link has expired. Nothing has changed. To start again, switch the choice on from your preferences and we will send a new link.",
            page.Find(".link-outcome").TextContent);
        AssertNoButtonAndAWayToThePreferences(page);
        Assert.Equal(410, http.Response.StatusCode);
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task Confirm_Get_WithATamperedLink_SaysItIsNotValid_OffersNoButton_AndIs400()
    {
        await SetUpAsync();
        var token = await PendingConfirmationAsync();
        var http = Request("GET");

        var page = OpenConfirm(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"), http);

        Assert.Equal("This link is not valid: it may have been cut short when it was copied. Nothing has changed.", page.Find(".link-outcome").TextContent);
        AssertNoButtonAndAWayToThePreferences(page);
        Assert.Equal(400, http.Response.StatusCode);
        Assert.Equal(ConsentState.PendingConfirmation, (await fixture.ConsentAsync("marketing", Channel.Email)).State);
    }

    [Fact]
    public async Task Renew_Get_WithAValidLink_ShowsTheButtonAndTheEnd_AndRenewsNothingYet()
    {
        await SetUpAsync();
        var token = await DueForRenewalAsync();
        var http = Request("GET");

        var page = OpenRenew(token, http);

        // Static rendering sends the page once its queries are done; bUnit draws it at the first await (on PostgreSQL, before them).
        page.WaitForElement("form p.lead-text");
        Assert.Equal("Profiling by email ends on 23 November 2027. Press the button to keep it for another period.", page.Find("form p.lead-text").TextContent);
        Assert.Equal("Renew", page.Find("form[method=post] button[type=submit]").TextContent);
        Assert.Empty(page.FindAll(".link-outcome"));
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(ProfilingEnds, (await fixture.ConsentAsync("profiling", Channel.Email)).ExpiresAt);
    }

    [Fact]
    public async Task Renew_Post_StartsANewPeriod_AndSaysUntilWhen()
    {
        await SetUpAsync();
        var token = await DueForRenewalAsync();
        var http = Request("POST");
        var page = OpenRenew(token, http);

        await page.Find("form").SubmitAsync();

        page.WaitForAssertion(() => Assert.Equal("Thank you: Profiling by email is renewed, until 3 November 2028.", page.Find(".link-outcome[role=status]").TextContent));
        AssertNoButtonAndAWayToThePreferences(page);
        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal(ProfilingEnds.AddDays(-20).AddMonths(12), (await fixture.ConsentAsync("profiling", Channel.Email)).ExpiresAt);
    }

    [Fact]
    public async Task Renew_Get_WithAnExpiredLink_SaysItExpired_OffersNoButton_AndIs410()
    {
        await SetUpAsync();
        var token = await DueForRenewalAsync(TimeSpan.FromDays(5));
        fixture.Clock.Advance(TimeSpan.FromDays(6));
        var http = Request("GET");

        var page = OpenRenew(token, http);

        Assert.Equal(
            "This renewal link has expired. Nothing has changed. You can switch the choice on again from your preferences.",
            page.Find(".link-outcome").TextContent);
        AssertNoButtonAndAWayToThePreferences(page);
        Assert.Equal(410, http.Response.StatusCode);
        Assert.Equal(ProfilingEnds, (await fixture.ConsentAsync("profiling", Channel.Email)).ExpiresAt);
    }

    [Fact]
    public async Task Renew_Get_WithAConfirmationLink_SaysItIsNotValid_OffersNoButton_AndIs400()
    {
        await SetUpAsync();
        await DueForRenewalAsync();
        var http = Request("GET");

        // A real token, made for the other page: refused as not valid here.
        var page = OpenRenew(fixture.Token(LinkPurpose.ConfirmOptIn, "profiling", Channel.Email, TimeSpan.FromDays(7)), http);

        Assert.Equal("This link is not valid: it may have been cut short when it was copied. Nothing has changed.", page.Find(".link-outcome").TextContent);
        AssertNoButtonAndAWayToThePreferences(page);
        Assert.Equal(400, http.Response.StatusCode);
    }

    protected override async ValueTask CleanUpAsync()
    {
        if (fixture is not null)
        {
            await fixture.DisposeAsync();
        }
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
