using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Erasure;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Erasure;

/// <summary>/preferences while an erasure request is open: withdrawals as ever, a grant says what will happen to it.</summary>
public sealed class PendingErasureOnPreferencesTests : PageTestBase
{
    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<PreferencesPanel> cut, string name) =>
        cut.FindAll(".consent-matrix input[role=switch]").Single(s =>
            s.Closest("label")!.QuerySelector($"[id='{s.GetAttribute("aria-labelledby")}']")!.TextContent == name);

    private static string Status(IRenderedComponent<PreferencesPanel> cut) => cut.Find("[role=status]").TextContent.Trim();

    private async Task OpenRequestAsync()
    {
        await using var db = Database.CreateDbContext();
        db.ErasureRequests.Add(new ErasureRequest
        {
            CustomerId = CustomerId, State = ErasureState.Verified, RequestedAt = Now, VerifiedAt = Now, DueAt = ErasureRules.DueAt(Now, 1), Culture = "en",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Render_WithAnOpenRequest_SaysWhatChangingConsentsMeansMeanwhile()
    {
        await SignInCustomerAsync();
        await OpenRequestAsync();

        var cut = Render<PreferencesPanel>();

        cut.WaitForAssertion(() => Assert.StartsWith(
            "You have asked us to erase your data (by 23 December 2026). You can still turn anything off.",
            cut.Find(".pending-erasure").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("forget-me", cut.Find(".pending-erasure a").GetAttribute("href"));
    }

    [Fact]
    public async Task Grant_WithAnOpenRequest_IsSaved_AndSaysItWillBeErasedToo()
    {
        await SignInCustomerAsync();
        await GivePhoneAsync();
        await OpenRequestAsync();
        var cut = Render<PreferencesPanel>();
        cut.WaitForElement(".consent-matrix input[role=switch]");
        // The sections below the matrix may still be reading (truly asynchronous on PostgreSQL) and draw the panel again.
        WaitUntilLoaded(cut);

        await Switch(cut, "Marketing by SMS").ChangeAsync(new ChangeEventArgs { Value = true });

        cut.WaitForAssertion(() => Assert.Equal(
            "Marketing by SMS is on — recorded 23 Nov 2026, 10:14 UTC. Your erasure request is still open: this consent will be erased with the rest unless you cancel it.",
            Status(cut)));
        Assert.True((await Consents.GetCellsAsync(CustomerId))[("marketing", Channel.Sms)].IsOn);
    }

    [Fact]
    public async Task Withdraw_WithAnOpenRequest_WorksAsEver_WithoutTheNote()
    {
        await SignInCustomerAsync();
        // SMS has no double opt-in, so the grant is really on (an email grant would only be pending).
        await Consents.SetAsync(Change("marketing", Channel.Sms, grant: true));
        Assert.True((await Consents.GetCellsAsync(CustomerId))[("marketing", Channel.Sms)].IsOn);
        await OpenRequestAsync();
        var cut = Render<PreferencesPanel>();
        cut.WaitForElement(".consent-matrix input[role=switch]");
        // The sections below the matrix may still be reading (truly asynchronous on PostgreSQL) and draw the panel again.
        WaitUntilLoaded(cut);

        await Switch(cut, "Marketing by SMS").ChangeAsync(new ChangeEventArgs { Value = false });

        cut.WaitForAssertion(() => Assert.Equal("Marketing by SMS is off — recorded 23 Nov 2026, 10:14 UTC.", Status(cut)));
        Assert.False((await Consents.GetCellsAsync(CustomerId))[("marketing", Channel.Sms)].IsOn);
    }

    [Fact]
    public async Task Render_WithoutAnOpenRequest_ShowsNoNotice()
    {
        await SignInCustomerAsync();

        var cut = Render<PreferencesPanel>();

        cut.WaitForElement(".consent-matrix input[role=switch]");
        // The sections below the matrix may still be reading (truly asynchronous on PostgreSQL) and draw the panel again.
        WaitUntilLoaded(cut);
        Assert.Empty(cut.FindAll(".pending-erasure"));
    }
}
