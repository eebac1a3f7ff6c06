using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Preferences;

public sealed class PreferencesPageTests : PageTestBase
{
    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<PreferencesPanel> cut, string name) =>
        cut.FindAll(".consent-matrix input[role=switch]").Single(s =>
            s.Closest("label")!.QuerySelector($"[id='{s.GetAttribute("aria-labelledby")}']")!.TextContent == name);

    [Fact]
    public async Task FlipOn_SavesThroughTheServiceAndConfirmsWithTheRecordedTime()
    {
        await SignInCustomerAsync();
        await GivePhoneAsync();
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");

        await Switch(cut, "Marketing by SMS").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Equal(
            "Marketing by SMS is on — recorded 23 Nov 2026, 10:14 UTC.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Equal("true", Switch(cut, "Marketing by SMS").GetAttribute("aria-checked"));
        Assert.True((await Consents.GetCellsAsync(CustomerId))[("marketing", Channel.Sms)].IsOn);
        await using var db = Database.CreateDbContext();
        Assert.Equal(LedgerEventType.ConsentGranted, (await db.LedgerEntries.SingleAsync()).EventType);
    }

    [Fact]
    public async Task FlipOn_ForAChannelWithNowhereToSend_AsksForTheDetailAndKeepsTheSwitchOff()
    {
        await SignInCustomerAsync();
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");

        await Switch(cut, "Marketing by SMS").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Equal("To turn on Marketing by SMS we need a phone number to send to", cut.Find(".contact-detail-prompt h2").TextContent));
        Assert.Equal("false", Switch(cut, "Marketing by SMS").GetAttribute("aria-checked"));
        Assert.Empty(await Consents.GetCellsAsync(CustomerId));
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Not now").Click();
        cut.WaitForAssertion(() => Assert.Equal("Marketing by SMS stays off: we have no phone number to send to.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll(".contact-detail-prompt"));
    }

    [Fact]
    public async Task Flip_WhenAnotherTabChangedItMeanwhile_ShowsTheCurrentStateAndSaysNothingWasOverwritten()
    {
        await SignInCustomerAsync();
        await GivePhoneAsync();
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: true)); // the other tab

        await Switch(cut, "Marketing by SMS").ChangeAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.StartsWith(
            "Marketing by SMS was changed in another window meanwhile and is now on.", cut.Find("[role=status]").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("true", Switch(cut, "Marketing by SMS").GetAttribute("aria-checked"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync());
    }

    [Fact]
    public async Task WithdrawEverything_AsksFirst_ThenTurnsAllSwitchesOff_AndOffersAnUndo()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("marketing", Channel.Email, grant: true));
        await Consents.SetAsync(Change("profiling", Channel.Email, grant: true));
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");

        Button(cut, "Withdraw everything").Click();

        // Nothing is withdrawn by the first click: it asks, and the answer is the next stop for the keyboard.
        Assert.StartsWith("Switch off every consent now?", cut.Find("#withdraw-all-question").TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal("true", Button(cut, "Withdraw everything").GetAttribute("aria-expanded"));
        Assert.Contains(cut.FindAll(".consent-matrix input[role=switch]"), s => s.GetAttribute("aria-checked") == "true");
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ConsentWithdrawn));
        }

        Button(cut, "Yes, withdraw everything").Click();

        cut.WaitForAssertion(() => Assert.Equal(
            "Done: 2 consents withdrawn. Nothing is switched on now.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.All(cut.FindAll(".consent-matrix input[role=switch]"), s => Assert.Equal("false", s.GetAttribute("aria-checked")));

        Button(cut, "Undo “withdraw everything”").Click();

        cut.WaitForAssertion(() => Assert.Equal("Undone: 2 consents are back as they were.", cut.Find("[role=status]").TextContent.Trim()));
        // Profiling is on again; marketing by email is back waiting for its confirmation, so drawn off and marked waiting.
        Assert.Equal(1, cut.FindAll(".consent-matrix input[role=switch]").Count(s => s.GetAttribute("aria-checked") == "true"));
        Assert.Single(cut.FindAll(".consent-matrix__pending"));
        Assert.Empty(cut.FindAll(".withdraw-all__undo"));
    }

    [Fact]
    public async Task WithdrawEverything_Declined_ChangesNothing()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("profiling", Channel.Email, grant: true));
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");

        Button(cut, "Withdraw everything").Click();
        Button(cut, "No, keep my choices").Click();

        cut.WaitForAssertion(() => Assert.Equal("Nothing changed: your choices are as they were.", cut.Find("[role=status]").TextContent.Trim()));
        Assert.Empty(cut.FindAll("#withdraw-all-question"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ConsentWithdrawn));
    }

    [Fact]
    public async Task WithdrawEverything_OneConsent_ReadsInTheSingular()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("profiling", Channel.Email, grant: true));
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");

        Button(cut, "Withdraw everything").Click();
        Button(cut, "Yes, withdraw everything").Click();

        cut.WaitForAssertion(() => Assert.Equal("Done: 1 consent withdrawn. Nothing is switched on now.", cut.Find("[role=status]").TextContent.Trim()));
    }

    private static AngleSharp.Dom.IElement Button(IRenderedComponent<PreferencesPanel> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    [Fact]
    public async Task WithdrawEverything_WhenNothingIsOn_IsDisabled()
    {
        await SignInCustomerAsync();
        var cut = Render<PreferencesPanel>();
        WaitUntilLoaded(cut);
        cut.WaitForElement(".consent-matrix input[role=switch]");

        Assert.True(cut.FindAll("button").Single(b => b.TextContent.Trim() == "Withdraw everything").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_WhilePrerenderedBeforeTheCircuitConnects_DisablesEverySwitch()
    {
        await SignInCustomerAsync();
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Static", isInteractive: false));

        var cut = Render<PreferencesPanel>();

        WaitUntilLoaded(cut);

        cut.WaitForElement(".consent-matrix input[role=switch]");
        Assert.All(cut.FindAll(".consent-matrix input[role=switch]"), s => Assert.True(s.HasAttribute("disabled")));
    }

    [Fact]
    public async Task Render_ExplainsPurposesThatDoNotAskForConsentWithTheirLegalBasis()
    {
        await SignInCustomerAsync();
        var notice = await Services.GetRequiredService<PrivacyNoticeService>().GetCurrentAsync(System.Globalization.CultureInfo.GetCultureInfo("en"));

        var cut = Render<NotForConsentSection>(p => p.Add(s => s.Purposes, notice!.Purposes));

        Assert.Contains("Service — About service. (Our contract with you)", cut.Find("section.informational").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Marketing", cut.Markup, StringComparison.Ordinal);
    }
}
