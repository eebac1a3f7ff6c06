using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Ledger;
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
        WaitUntilLoaded(cut);

        cut.WaitForAssertion(() => Assert.Contains("What we delete", cut.Markup, StringComparison.Ordinal));
        Assert.Contains("one-way fingerprint of your email address and phone number", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("by a random number", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("Within 1 month of your request", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("Your password", cut.Find("label[for=erasure-password]").TextContent.Trim());
    }

    [Fact]
    public async Task ALapsedLink_IsSaid_AndANewLinkIsSentFromThePage()
    {
        await SignInCustomerAsync();
        await Requests.RequestAsync(CustomerId, ErasureServices.Password, "en", new Uri("http://localhost/forget-me/confirm"));
        var mails = MailsSent;
        Clock.Advance(TimeSpan.FromHours(48));
        var cut = Render<ForgetMePage>();
        WaitUntilLoaded(cut);

        cut.WaitForAssertion(() => Assert.StartsWith(
            "Waiting for you to confirm it, but the link we emailed you has lapsed (it worked for 48 hours).",
            cut.Find(".erasure-status__state").TextContent.Trim(), StringComparison.Ordinal));
        Assert.DoesNotContain("open the link we emailed you", cut.Find(".erasure-status").TextContent, StringComparison.Ordinal);

        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Send me a new link").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Done: we emailed you a new link. It works for 48 hours.", Status(cut)));
        Assert.Equal(mails + 1, MailsSent);
        Assert.Equal("Waiting for you to confirm it: open the link we emailed you.", cut.Find(".erasure-status__state").TextContent.Trim());
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ErasureLinkResent));
    }

    [Fact]
    public async Task ALapsedLink_CancelAndAskAgain_BringsBackTheForm()
    {
        await SignInCustomerAsync();
        await Requests.RequestAsync(CustomerId, ErasureServices.Password, "en", new Uri("http://localhost/forget-me/confirm"));
        Clock.Advance(TimeSpan.FromHours(49));
        var cut = Render<ForgetMePage>();
        WaitUntilLoaded(cut);

        await cut.WaitForElement(".erasure-status").QuerySelectorAll("button").Single(b => b.TextContent.Trim() == "Cancel and ask again").ClickAsync(new());

        cut.WaitForAssertion(() => Assert.Equal("Your request is cancelled. Nothing was erased. You can ask again below.", Status(cut)));
        Assert.NotEmpty(cut.FindAll("#erasure-password"));
    }

    [Fact]
    public async Task Ask_WithTheWrongPassword_SaysSoByTheField_AndWritesNothing()
    {
        await SignInCustomerAsync();
        var cut = Render<ForgetMePage>();
        WaitUntilLoaded(cut);

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
        WaitUntilLoaded(cut);

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
        WaitUntilLoaded(cut);
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
        WaitUntilLoaded(cut);

        cut.WaitForAssertion(() => Assert.Equal("Legal hold while your warranty claim is open", cut.Find(".erasure-status__reason").TextContent));
        Assert.Empty(cut.FindAll(".erasure-status button"));
    }
}
