using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>
/// /forget-me/confirm as opened from the email (a GET with ?token=): a good link shows only the button that confirms
/// (so a mail scanner following it confirms nothing); a bad one says so, with no form. The press itself is a POST with
/// the form's values, which AccessibilityTests and ErasureJourneyTests drive in a browser.
/// </summary>
public sealed class ConfirmErasurePageTests : ErasurePageTestBase
{
    private const string LinkNotValid = "This link has expired or is not valid. Nothing has changed. You can ask again on the Forget me page.";

    private async Task<int> AskAsync()
    {
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        await SignInCustomerAsync(); // last: it builds the service provider
        var asked = await Requests.RequestAsync(CustomerId, ErasureServices.Password, "en", new Uri("http://localhost/forget-me/confirm"));
        Assert.Equal(ErasureOutcome.Saved, asked.Outcome);
        return asked.Request!.Id;
    }

    private IRenderedComponent<ConfirmErasurePage> Open(string token)
    {
        Services.GetRequiredService<BunitNavigationManager>().NavigateTo("forget-me/confirm?token=" + Uri.EscapeDataString(token));
        return Render<ConfirmErasurePage>();
    }

    private async Task<ErasureState> StateAsync(int requestId) => (await Requests.ListAsync(CustomerId)).Single(r => r.Id == requestId).State;

    private static void AssertSaysTheLinkIsNotValid(IRenderedComponent<ConfirmErasurePage> page)
    {
        Assert.Equal(LinkNotValid, page.Find("[role=status]").TextContent.Trim());
        Assert.Empty(page.FindAll("form"));
        Assert.Empty(page.FindAll("button"));
        Assert.Equal("See your request", page.Find("a[href=forget-me]").TextContent);
    }

    [Fact]
    public async Task ValidLink_ShowsTheFormThatConfirms_CarryingTheToken_AndConfirmsNothingYet()
    {
        var requestId = await AskAsync();
        var token = Links.Issue(requestId, CustomerId);

        var page = Open(token);

        Assert.Equal("Confirm your erasure request", page.Find("h1").TextContent);
        Assert.Equal(
            "Press the button to confirm that you want us to erase your data. You can still cancel until we carry it out.",
            page.Find("p.lead-text").TextContent);
        var form = page.Find("form");
        Assert.Equal("post", form.GetAttribute("method"));
        Assert.Equal(token, form.QuerySelector("input[type=hidden][name=Token]")!.GetAttribute("value"));
        Assert.Equal("Confirm my request", form.QuerySelector("button[type=submit]")!.TextContent);
        Assert.Empty(page.FindAll("[role=status]"));
        Assert.Equal(ErasureState.Requested, await StateAsync(requestId));
    }

    [Fact]
    public async Task TamperedLink_SaysItIsNotValid_WithNoForm()
    {
        var requestId = await AskAsync();
        var token = Links.Issue(requestId, CustomerId);

        var page = Open(token[..^4] + (token.EndsWith("AAAA", StringComparison.Ordinal) ? "BBBB" : "AAAA"));

        AssertSaysTheLinkIsNotValid(page);
        Assert.Equal(ErasureState.Requested, await StateAsync(requestId));
    }

    [Fact]
    public async Task ExpiredLink_SaysItIsNotValid_WithNoForm()
    {
        var requestId = await AskAsync();
        var token = Links.Issue(requestId, CustomerId);
        Clock.Advance(TimeSpan.FromHours(Services.GetRequiredService<IOptions<ErasureOptions>>().Value.ConfirmationLinkHours) + TimeSpan.FromMinutes(1));

        var page = Open(token);

        AssertSaysTheLinkIsNotValid(page);
        Assert.Equal(ErasureState.Requested, await StateAsync(requestId));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
