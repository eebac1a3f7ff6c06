using Bunit;
using Microsoft.EntityFrameworkCore;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.Privacy.Admin;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Privacy.Admin;

/// <summary>The officer's validity page: how long consents to each purpose last.</summary>
public sealed class PurposesPageTests : PageTestBase
{
    [Fact]
    public async Task PurposesPage_MonthsOutOfBounds_SaysSoNextToTheFieldAndWritesNothing()
    {
        await SignInOfficerAsync();
        var cut = Render<PurposesPage>();
        cut.WaitForElement("#validity-profiling");

        // On the renderer's own thread, so no render (the field's own, after its change) slips between finding and clicking.
        await cut.InvokeAsync(() => cut.Find("#validity-profiling").Change("121"));
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save for Profiling").Click());

        cut.WaitForAssertion(() => Assert.Equal(
            "Enter a whole number of months from 1 to 120, or leave it empty for no expiry.", cut.Find("#validity-profiling-problem").TextContent.Trim()));
        Assert.Equal("Nothing saved for Profiling: see the message next to its field.", cut.Find("[role=status]").TextContent.Trim());
        Assert.Equal("true", cut.Find("#validity-profiling").GetAttribute("aria-invalid"));
        await using var db = Database.CreateDbContext();
        Assert.Equal(12, (await db.Purposes.SingleAsync(p => p.Key == "profiling")).ValidityMonths);
        Assert.Equal(0, await db.LedgerEntries.CountAsync());
    }

    [Fact]
    public async Task PurposesPage_ValidMonths_SavesAndSaysWhatConsentsNowLast()
    {
        await SignInOfficerAsync();
        var cut = Render<PurposesPage>();
        cut.WaitForElement("#validity-profiling");
        Assert.Equal("12", cut.Find("#validity-profiling").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.Find("#validity-profiling").Change("6"));
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save for Profiling").Click());

        cut.WaitForAssertion(() => Assert.Equal("Saved: consents to Profiling now last 6 months.", cut.Find("[role=status]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(6, (await db.Purposes.SingleAsync(p => p.Key == "profiling")).ValidityMonths);
        Assert.Equal(LedgerEventType.PurposeValidityChanged, (await db.LedgerEntries.SingleAsync()).EventType);
    }

    [Fact]
    public async Task PurposesPage_RetentionDays_SavesWithALedgerEntryAndSaysHowLongDataIsKept()
    {
        await SignInOfficerAsync();
        var cut = Render<PurposesPage>();
        cut.WaitForElement("#retention-marketing");
        Assert.Null(cut.Find("#retention-marketing").GetAttribute("value"));

        await cut.InvokeAsync(() => cut.Find("#retention-marketing").Change("30"));
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save retention for Marketing").Click());

        cut.WaitForAssertion(() => Assert.Equal("Saved: data for Marketing is now kept 30 days after the consent ends.", cut.Find("[role=status]").TextContent.Trim()));
        await using var db = Database.CreateDbContext();
        Assert.Equal(30, (await db.Purposes.SingleAsync(p => p.Key == "marketing")).RetentionAfterEndDays);
        var entry = await db.LedgerEntries.SingleAsync();
        Assert.Equal((LedgerEventType.PurposeRetentionChanged, "marketing", "none", "30"), (entry.EventType, entry.PurposeKey, entry.Before, entry.After));
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("3651")]
    public async Task PurposesPage_RetentionOutOfBounds_SaysSoNextToTheFieldAndWritesNothing(string typed)
    {
        await SignInOfficerAsync();
        var cut = Render<PurposesPage>();
        cut.WaitForElement("#retention-profiling");

        await cut.InvokeAsync(() => cut.Find("#retention-profiling").Change(typed));
        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Save retention for Profiling").Click());

        cut.WaitForAssertion(() => Assert.Equal(
            "Enter a whole number of days from 0 to 3650, or leave it empty to keep the data until the customer asks to be forgotten.",
            cut.Find("#retention-profiling-problem").TextContent.Trim()));
        Assert.Equal("true", cut.Find("#retention-profiling").GetAttribute("aria-invalid"));
        await using var db = Database.CreateDbContext();
        Assert.Null((await db.Purposes.SingleAsync(p => p.Key == "profiling")).RetentionAfterEndDays);
        Assert.Equal(0, await db.LedgerEntries.CountAsync());
    }
}
