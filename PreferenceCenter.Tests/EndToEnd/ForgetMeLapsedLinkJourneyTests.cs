using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using ErasureState = PreferenceCenter.Features.Erasure.ErasureState;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// /forget-me after the emailed link lapsed: the page says so and offers a new link, or to cancel and ask again; no
/// dead end. The app runs on the real clock, so the request is made 49 hours old in the store (links last 48).
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ForgetMeLapsedLinkJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Lapsed =
        "Waiting for you to confirm it, but the link we emailed you has lapsed (it worked for 48 hours). Ask for a new link, or cancel and ask again.";

    [Fact]
    public async Task After_the_link_lapsed_a_new_link_is_sent_from_the_page_and_the_request_waits_again()
    {
        var (page, forgetMe, customerId) = await AskedAndLapsedAsync("lapsed.newlink@example.com");
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a new link", Exact = true }).ClickAsync();

        await Expect(forgetMe.Status).ToContainTextAsync("Done: we emailed you a new link. It works for 48 hours.");
        await Expect(forgetMe.RequestStatus).ToContainTextAsync("Waiting for you to confirm it: open the link we emailed you.");
        await Expect(forgetMe.RequestStatus).Not.ToContainTextAsync("has lapsed");
        Assert.Single(await EntriesAsync(customerId, LedgerEventType.ErasureLinkResent));
        await AssertNoBlockingViolationsAsync(page, "forget-me (new link sent)");
    }

    [Fact]
    public async Task After_the_link_lapsed_the_request_is_cancelled_from_the_page_and_asked_again()
    {
        var (page, forgetMe, customerId) = await AskedAndLapsedAsync("lapsed.askagain@example.com");
        await using var context = page.Context;

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel and ask again", Exact = true }).ClickAsync();
        await Expect(forgetMe.Status).ToContainTextAsync("Your request is cancelled. Nothing was erased. You can ask again below.");
        await AssertNoBlockingViolationsAsync(page, "forget-me (cancelled, ask again)");

        Assert.Equal("Almost done: we have emailed you a link. Open it to confirm your request.", await forgetMe.AskAsync(DemoCustomer.Password));
        await Expect(forgetMe.RequestStatus).ToContainTextAsync("Waiting for you to confirm it: open the link we emailed you.");
        Assert.Equal(2, (await EntriesAsync(customerId, LedgerEventType.ErasureRequested)).Count);
        Assert.Single(await EntriesAsync(customerId, LedgerEventType.ErasureCancelled));
    }

    private async Task<(IPage Page, ForgetMePage ForgetMe, Guid CustomerId)> AskedAndLapsedAsync(string email)
    {
        var customerId = await app.NewAccountAsync(email);
        var page = await browser.NewPageAsync();
        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(email, DemoCustomer.Password);
        var forgetMe = await new ForgetMePage(page, app).OpenAsync();
        Assert.Equal("Almost done: we have emailed you a link. Open it to confirm your request.", await forgetMe.AskAsync(DemoCustomer.Password));

        await using (var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            var lapsedAt = DateTimeOffset.UtcNow.AddHours(-49);
            Assert.Equal(1, await db.ErasureRequests.Where(r => r.CustomerId == customerId && r.State == ErasureState.Requested)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.RequestedAt, lapsedAt)));
        }

        await forgetMe.OpenAsync();
        await Expect(forgetMe.RequestStatus).ToContainTextAsync(Lapsed);
        await AssertNoBlockingViolationsAsync(page, "forget-me (link lapsed)");
        return (page, forgetMe, customerId);
    }

    private async Task<List<LedgerEntry>> EntriesAsync(Guid customerId, LedgerEventType type)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.Where(e => e.SubjectId == customerId && e.EventType == type).ToListAsync();
    }

    private static async Task AssertNoBlockingViolationsAsync(IPage page, string what)
    {
        var violations = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(violations.Count == 0, AxeReport.Describe(what, violations));
    }
}
