using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Tests.Features.Preferences;

namespace PreferenceCenter.Tests.Features.Preferences.Receipts;

/// <summary>The receipts setting as it lives on /preferences: real services on a real database.</summary>
public sealed class ReceiptsSectionTests : PreferencesPageSectionTests
{
    private const string SwitchLabel = "Email me a receipt after I change my choices";

    private static AngleSharp.Dom.IElement Switch(IRenderedComponent<PreferencesPanel> cut) =>
        LabelledInput(cut.Find("section.receipts"), SwitchLabel);

    // The section reads the setting after the page's first render.
    private IRenderedComponent<PreferencesPanel> RenderWithSwitch()
    {
        var cut = RenderPage();
        cut.WaitForElement("section.receipts input[type=checkbox]");
        return cut;
    }

    [Fact]
    public async Task Receipts_AreOnByDefault_AndTurningThemOff_IsStoredOnTheCustomerAndRecorded()
    {
        await SignInCustomerAsync();
        var cut = RenderWithSwitch();
        Assert.True(Switch(cut).HasAttribute("checked"));
        Assert.Contains("10 minutes after your last change", cut.Find("#receipts-hint").TextContent, StringComparison.Ordinal);
        Assert.Equal("receipts-hint", Switch(cut).GetAttribute("aria-describedby"));

        await ChangeAsync(Switch(cut), false);

        WaitForStatus(cut, "Receipts are off: we will not email you after your changes. Your history still lists every change.");
        cut.WaitForAssertion(() => Assert.False(Switch(cut).HasAttribute("checked")));
        await using var db = Database.CreateDbContext();
        var customer = await db.Customers.SingleAsync(c => c.Id == CustomerId);
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.True(customer.ReceiptsTurnedOff);
        Assert.Equal((LedgerEventType.ReceiptsTurnedOff, entry.Sequence), (entry.EventType, customer.ReceiptedThrough));
    }

    [Fact]
    public async Task TurningReceiptsOnAgain_RecordsItAndSaysSo()
    {
        await SignInCustomerAsync();
        var cut = RenderWithSwitch();
        await ChangeAsync(Switch(cut), false);
        WaitForStatus(cut, "Receipts are off: we will not email you after your changes. Your history still lists every change.");

        await ChangeAsync(Switch(cut), true);

        WaitForStatus(cut, "Receipts are on: we will email you one after your changes.");
        await using var db = Database.CreateDbContext();
        Assert.Equal(
            [LedgerEventType.ReceiptsTurnedOff, LedgerEventType.ReceiptsTurnedOn],
            await db.LedgerEntries.OrderBy(e => e.Sequence).Select(e => e.EventType).ToListAsync());
        Assert.False((await db.Customers.SingleAsync(c => c.Id == CustomerId)).ReceiptsTurnedOff);
    }

    [Fact]
    public async Task TheSwitch_IsDisabledWhilePrerendered()
    {
        await SignInCustomerAsync();
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = RenderWithSwitch();

        Assert.True(Switch(cut).HasAttribute("disabled"));
    }
}
