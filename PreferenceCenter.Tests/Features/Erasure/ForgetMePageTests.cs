using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Erasure;

namespace PreferenceCenter.Tests.Features.Erasure;

public sealed class ForgetMePageTests : ErasurePageTestBase
{
    private static string Status(IRenderedComponent<ForgetMePage> cut) => cut.Find("[role=status]").TextContent.Trim();

    private static async Task AskAsync(IRenderedComponent<ForgetMePage> cut, string password)
    {
        await cut.Find("#erasure-password").InputAsync(new ChangeEventArgs { Value = password });
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Ask us to forget me").ClickAsync(new());
    }

    [Fact]
    public async Task Render_SaysWhatGoesWhatStaysAndByWhen()
    {
        await SignInCustomerAsync();

        var cut = Render<ForgetMePage>();

        cut.WaitForAssertion(() => Assert.Contains("What we delete", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("one-way fingerprint of your email address and phone number", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("by a random number", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Within 1 month of your request", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Your password", cut.Find("label[for=erasure-password]").TextContent.Trim());
    }

    [Fact]
    public async Task Ask_WithTheWrongPassword_SaysSoByTheField_AndWritesNothing()
    {
        await SignInCustomerAsync();
        var cut = Render<ForgetMePage>();

        await AskAsync(cut, "not-my-password");

        cut.WaitForAssertion(() => Assert.Equal(
            "That password is not right. Nothing was requested.", cut.Find("#erasure-password-problem").TextContent.Trim()));
        Assert.Equal("That password is not right. Nothing was requested.", Status(cut));
        Assert.Empty(await Requests.ListAsync(CustomerId));
        Assert.Empty(cut.FindAll("#erasure-status"));
    }

    [Fact]
    public async Task Ask_WithThePassword_ShowsTheRequestWaitingForTheEmailLink()
    {
        await SignInCustomerAsync();
        var cut = Render<ForgetMePage>();

        await AskAsync(cut, ErasureServices.Password);

        cut.WaitForAssertion(() => Assert.Equal("Almost done: we have emailed you a link. Open it to confirm your request.", Status(cut)));
        Assert.Contains("Waiting for you to confirm it", cut.Find(".erasure-status").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#erasure-password"));
        Assert.Equal(ErasureState.Requested, Assert.Single(await Requests.ListAsync(CustomerId)).State);
    }

    [Fact]
    public async Task Cancel_CancelsTheOpenRequest_AndOffersToAskAgain()
    {
        await SignInCustomerAsync();
        await VerifiedRequestAsync();
        var cut = Render<ForgetMePage>();
        cut.WaitForAssertion(() => Assert.Contains("Confirmed. Our privacy officer is reviewing it.", cut.Find(".erasure-status").TextContent, StringComparison.Ordinal));

        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Cancel my request").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Your request is cancelled. Nothing was erased.", Status(cut)));
        Assert.Contains("You cancelled this request", cut.Find(".erasure-status").TextContent, StringComparison.Ordinal);
        Assert.NotEmpty(cut.FindAll("#erasure-password"));
        Assert.Equal(ErasureState.Cancelled, Assert.Single(await Requests.ListAsync(CustomerId)).State);
    }

    [Fact]
    public async Task Render_ARejectedRequest_ShowsTheOfficersReason()
    {
        await SignInCustomerAsync();
        var request = await VerifiedRequestAsync();
        await RejectAsOfficerAsync(request.Id, "Legal hold while your warranty claim is open");

        var cut = Render<ForgetMePage>();

        cut.WaitForAssertion(() => Assert.Equal("Legal hold while your warranty claim is open", cut.Find(".erasure-status__reason").TextContent));
        Assert.Empty(cut.FindAll(".erasure-status button"));
    }
}
