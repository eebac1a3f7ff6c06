using AngleSharp.Dom;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Support;

namespace PreferenceCenter.Tests.Features.Support;

public sealed class SupportCustomerPageTests : SupportPageTestBase
{
    private IRenderedComponent<SupportCustomerPage> RenderPage()
    {
        var cut = Render<SupportCustomerPage>(p => p.Add(page => page.Reference, Fixture.MarioReference));
        WaitUntilLoaded(cut);
        return cut;
    }

    private static IElement Switch(IRenderedComponent<SupportCustomerPage> cut, string name) =>
        cut.FindAll("input[role=switch]").Single(s =>
            s.Closest("label")!.QuerySelector($"[id='{s.GetAttribute("aria-labelledby")}']")!.TextContent == name);

    private static async Task StartActingAsync(IRenderedComponent<SupportCustomerPage> cut)
    {
        await cut.Find("#request-channel-Phone").ChangeAsync(new ChangeEventArgs { Value = "Phone" });
        await cut.Find("#on-behalf-reason").InputAsync(new ChangeEventArgs { Value = "Asked by phone to receive texts" });
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Start acting for this customer").ClickAsync(new MouseEventArgs());
    }

    [Fact]
    public async Task Consents_AreLockedUntilTheAgentSaysHowAndWhy_ThenABannerNamesTheCustomer()
    {
        await SignInAgentAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.True(Switch(cut, "Marketing by SMS").HasAttribute("disabled")));
        Assert.Empty(cut.FindAll(".acting-banner"));
        Assert.Equal("m•••@e•••.com", cut.FindAll(".reveal__value")[0].TextContent.Trim());

        await StartActingAsync(cut);

        Assert.Equal($"You are changing the data of customer {Fixture.MarioReference}, at their request (By phone).", cut.Find(".acting-banner__text").TextContent.Trim());
        Assert.False(Switch(cut, "Marketing by SMS").HasAttribute("disabled"));
        Assert.Empty(cut.FindAll(".on-behalf-form"));
    }

    [Fact]
    public async Task Flip_WhileActing_IsRecordedWithTheAgentChannelAndReason()
    {
        await SignInAgentAsync();
        var cut = RenderPage();
        await StartActingAsync(cut);

        await Switch(cut, "Marketing by SMS").ChangeAsync(new ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Contains($"Marketing by SMS is now on for customer {Fixture.MarioReference}", cut.Find("[role=status]").TextContent, StringComparison.Ordinal));
        var entry = (await Fixture.LedgerAsync())[^1];
        Assert.Equal((LedgerEventType.ConsentGranted, SupportFixture.AgentUserId, "phone", "Asked by phone to receive texts"),
            (entry.EventType, entry.ActorId, entry.RequestChannel, await Fixture.OpenAsync(Fixture.Mario, entry.Reason)));
    }

    [Fact]
    public async Task RecentHistory_ReadsInTheThirdPerson()
    {
        await SignInAgentAsync();
        var cut = RenderPage();
        await StartActingAsync(cut);

        await Switch(cut, "Marketing by SMS").ChangeAsync(new ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Contains(cut.FindAll(".history-list li .history-list__what"),
            li => li.TextContent.Trim() == "Our support team turned on Marketing by SMS at the customer's request by phone"));
        Assert.DoesNotContain(cut.FindAll(".history-list__what"), li => li.TextContent.Contains("your", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task AnErasedCustomer_OffersNoWayToActOrReveal()
    {
        await SignInAgentAsync();
        await Fixture.EraseAsync(Fixture.Mario);

        var cut = RenderPage();

        cut.WaitForAssertion(() => Assert.Contains("This customer's data has been erased", cut.Markup, StringComparison.Ordinal));
        Assert.Empty(cut.FindAll(".on-behalf-form"));
        Assert.True(Switch(cut, "Marketing by SMS").HasAttribute("disabled"));
        Assert.All(cut.FindAll(".reveal button"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Reveal_WithAJustification_ShowsTheFullEmailAndRecordsIt()
    {
        await SignInAgentAsync();
        var cut = RenderPage();
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show full email").ClickAsync(new MouseEventArgs());

        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show and record").ClickAsync(new MouseEventArgs());
        cut.WaitForAssertion(() => Assert.Contains("Write why you need to see the full value", cut.Find("#reveal-Email-problem").TextContent, StringComparison.Ordinal));
        // Opening the page was recorded as a read of the record; the refused reveal adds nothing.
        Assert.Equal([LedgerEventType.CustomerRecordViewed], (await Fixture.LedgerAsync()).Select(e => e.EventType));

        await cut.Find("#reveal-Email-justification").InputAsync(new ChangeEventArgs { Value = "Customer asked which address we hold" });
        await cut.FindAll("button").Single(b => b.TextContent.Trim() == "Show and record").ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(SupportFixture.MarioEmail, cut.FindAll(".reveal__value")[0].TextContent.Trim()));
        Assert.Equal([LedgerEventType.CustomerRecordViewed, LedgerEventType.PersonalDataRevealed], (await Fixture.LedgerAsync()).Select(e => e.EventType));
    }

    private static IElement? FileErasureButton(IRenderedComponent<SupportCustomerPage> cut) =>
        cut.FindAll("button").SingleOrDefault(b => b.TextContent.Trim() == "File an erasure request for this customer");

    private static string Facts(IRenderedComponent<SupportCustomerPage> cut) =>
        string.Join(" | ", cut.FindAll(".support-erasure > div").Select(d => $"{d.QuerySelector("dt")!.TextContent.Trim()}: {d.QuerySelector("dd")!.TextContent.Trim()}"));

    [Fact]
    public async Task Erasure_CanBeFiledOnlyWhileActing_ThenTheOpenRequestIsShownWithItsDeadline()
    {
        await SignInAgentAsync();
        var cut = RenderPage();
        cut.WaitForAssertion(() => Assert.Equal("No erasure request is open.", cut.Find("[aria-labelledby=support-erasure] > p").TextContent.Trim()));
        Assert.Null(FileErasureButton(cut));
        Assert.Contains("say in the reason how you checked their identity", cut.Find("#on-behalf-identity").TextContent, StringComparison.Ordinal);

        await StartActingAsync(cut);
        await FileErasureButton(cut)!.ClickAsync(new MouseEventArgs());

        cut.WaitForAssertion(() => Assert.Equal(
            $"Erasure request filed for {Fixture.MarioReference}. The customer has been emailed a link to confirm it.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Equal("Status: Waiting for the customer's email confirmation | Asked on: 23 November 2026 | Due: 23 December 2026 | Days left: 30", Facts(cut));
        Assert.Null(FileErasureButton(cut));
        var entry = (await Fixture.LedgerAsync())[^1];
        Assert.Equal((LedgerEventType.ErasureRequested, SupportFixture.AgentUserId, "phone", "Asked by phone to receive texts"),
            (entry.EventType, entry.ActorId, entry.RequestChannel, await Fixture.OpenAsync(Fixture.Mario, entry.Reason)));
    }

    [Fact]
    public async Task Erasure_AlreadyOpen_IsShownAndCannotBeFiledAgain()
    {
        await SignInAgentAsync();
        await Fixture.Console.FileErasureAsync(SupportFixture.Staff(), Fixture.Mario, new OnBehalfRequest(RequestChannel.Letter, "Signed letter matched the signature on file"), new Uri("http://localhost/forget-me/confirm"));
        Fixture.Clock.Advance(TimeSpan.FromDays(31));

        var cut = RenderPage();
        await StartActingAsync(cut);

        cut.WaitForAssertion(() => Assert.Contains("Days left: Overdue by 1 day", Facts(cut), StringComparison.Ordinal));
        Assert.Null(FileErasureButton(cut));
        Assert.Equal("Only the privacy officer can approve or carry out an erasure request.", cut.Find("[aria-labelledby=support-erasure] .hint").TextContent.Trim());
    }
}
