using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Privacy;
using PreferenceCenter.Tests.Features.Privacy;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Consents.Lifecycle;

/// <summary>The lifecycle on screen: the matrix's pending state, the review banner.</summary>
public sealed class LifecycleComponentTests : PageTestBase
{
    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<PreferencesPanel> cut, string name) =>
        cut.FindAll(".consent-matrix input[role=switch]").Single(s =>
            s.Closest("label")!.QuerySelector($"[id='{s.GetAttribute("aria-labelledby")}']")!.TextContent == name);

    private static string? NameOf(AngleSharp.Dom.IElement input) =>
        input.Closest("label")!.QuerySelector($"[id='{input.GetAttribute("aria-labelledby")}']")?.TextContent;

    [Fact]
    public void Matrix_APendingConsent_IsDrawnOffAndNamedWaiting_OnAgainResends_CancelWithdraws()
    {
        var toggles = new List<ConsentToggle>();
        PurposeSummary marketing = new("marketing", PurposeKind.Marketing, LegalBasis.Consent, "Campaign", "Marketing", "s", "d", "r", null, 24, ChannelSet.Email);
        var cut = Render<ConsentMatrix>(p => p
            .Add(x => x.Purposes, [marketing])
            .Add(x => x.Cells, new Dictionary<(string, Channel), ConsentCell>
            {
                [("marketing", Channel.Email)] = new("marketing", Channel.Email, false, Now, null, 1, AwaitingConfirmation: true),
            })
            .Add(x => x.Changed, toggle => toggles.Add(toggle)));

        // Not given yet, so not drawn on; its name says it waits, for those who cannot see the words below it.
        var waiting = cut.Find(".consent-matrix input[role=switch]");
        Assert.Equal("false", waiting.GetAttribute("aria-checked"));
        Assert.Equal("Marketing by email (waiting for your confirmation, not on yet)", NameOf(waiting));
        Assert.Equal("Waiting for your confirmation: check your inbox", cut.Find(".consent-matrix__pending").TextContent);
        Assert.Equal("No email, or did its link expire? Switch it on again and we will send a new one.",
            cut.Find(".consent-matrix__pending-help").TextContent);

        waiting.Change(true);
        cut.Find("button.consent-matrix__cancel").Click();

        Assert.Equal([new ConsentToggle("marketing", Channel.Email, true, 1), new ConsentToggle("marketing", Channel.Email, false, 1)], toggles);
        Assert.Equal("Cancel this request: Marketing by email", cut.Find("button.consent-matrix__cancel").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Preferences_TurningOnMarketingByEmail_SaysToCheckTheInboxAndShowsItPending()
    {
        await SignInCustomerAsync();
        var cut = Render<PreferencesPanel>();
        cut.WaitForElement(".consent-matrix input[role=switch]");
        // The sections below the matrix may still be reading (truly asynchronous on PostgreSQL) and draw the panel again.
        WaitUntilLoaded(cut);
        Assert.Empty(cut.FindAll(".consent-matrix__pending-help")); // nothing waits yet, so no help about links

        await Switch(cut, "Marketing by email").ChangeAsync(new ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Equal(
            "Almost done: we sent you an email. Marketing by email starts once you confirm it from the link inside.",
            cut.Find("[role=status]").TextContent.Trim()));
        Assert.Equal("Waiting for your confirmation: check your inbox", cut.Find(".consent-matrix__pending").TextContent);
        Assert.False((await Consents.GetCellsAsync(CustomerId))[("marketing", Channel.Email)].IsOn);
        // Clicked on, but only asked for: the switch is drawn afresh in the off position.
        cut.WaitForAssertion(() => Assert.Equal("false", cut.FindAll(".consent-matrix input[role=switch]")
            .Single(s => NameOf(s) == "Marketing by email (waiting for your confirmation, not on yet)").GetAttribute("aria-checked")));
    }

    [Fact]
    public async Task Preferences_AfterAMaterialChange_ShowsTheReviewBanner_UntilTheCustomerKeepsTheirChoice()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: true));
        var catalog = CatalogSamples.Valid() with { Purposes = [CatalogSamples.Marketing() with { MaterialChange = true }] };
        await new CatalogPublisher(Database, new LedgerWriter(Clock), Clock).PublishAsync(catalog);

        var cut = Render<PreferencesPanel>();

        cut.WaitForAssertion(() => Assert.Equal("Our privacy notice changed", cut.Find("#review-banner-title").TextContent));
        Assert.Contains("Marketing — changed in version 2", cut.Find(".review-banner li").TextContent, StringComparison.Ordinal);
        cut.FindAll("button").Single(b => b.TextContent.Trim() == "Keep my choice for Marketing").Click();

        cut.WaitForAssertion(() => Assert.Equal("Your choice for Marketing is kept under the new notice.", cut.Find("[role=status]").TextContent.Trim()));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll(".review-banner")));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.LedgerEntries.CountAsync(e => e.EventType == LedgerEventType.ConsentRenewed));
    }

    [Fact]
    public async Task Preferences_WithNothingChangedMaterially_ShowsNoBanner()
    {
        await SignInCustomerAsync();
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: true));

        var cut = Render<PreferencesPanel>();

        cut.WaitForElement(".consent-matrix input[role=switch]");
        // The sections below the matrix may still be reading (truly asynchronous on PostgreSQL) and draw the panel again.
        WaitUntilLoaded(cut);
        Assert.Empty(cut.FindAll(".review-banner"));
    }
}
