using System.Net;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>A receipt downloaded from /history, in each language, and the download refusing what is not the customer's.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class ReceiptJourneyTests(AppHost app, BrowserFixture browser)
{
    [Theory]
    [InlineData("en", "Download receipt", "Your receipt: 2 changes to your choices", "Ledger entry {0}, fingerprint {1}")]
    [InlineData("it", "Scarica ricevuta", "La tua ricevuta: 2 modifiche alle tue scelte", "Voce del registro {0}, impronta {1}")]
    [InlineData("es", "Descargar recibo", "Tu recibo: 2 cambios en tus opciones", "Entrada del registro {0}, huella {1}")]
    public async Task A_receipt_downloads_from_history_with_the_ledger_references_and_the_page_passes_axe(
        string culture, string link, string title, string reference)
    {
        var email = $"receipt.{culture}@example.com";
        var customerId = await app.NewAccountAsync(email);
        await GrantAsync(customerId, "sharing-northwind", Channel.Email);
        await GrantAsync(customerId, "sharing-northwind", Channel.Phone);
        var changes = await ChangesAsync(customerId);
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.Url("") }]);
        await (await new LoginPage(page, app, culture).OpenAsync()).SignInAsync(email, DemoCustomer.Password);
        var history = await new HistoryPage(page, app).OpenAsync();
        Assert.Equal(culture, await page.Locator("html").GetAttributeAsync("lang"));
        await Expect(history.Entries.GetByRole(AriaRole.Link, new() { Name = link })).ToHaveCountAsync(2);

        var violations = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(violations.Count == 0, AxeReport.Describe($"history with receipts ({culture})", violations));

        // The newest entry's receipt covers the whole session: both changes, made moments apart.
        var download = await page.RunAndWaitForDownloadAsync(() => history.Entries.First.GetByRole(AriaRole.Link, new() { Name = link }).ClickAsync());
        Assert.Equal($"receipt-{changes[^1].Sequence}.txt", download.SuggestedFilename);
        var text = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.StartsWith(title + "\n", text, StringComparison.Ordinal);

        foreach (var change in changes)
        {
            Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, reference, change.Sequence, change.Hash), text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("it")]
    [InlineData("es")]
    public async Task Preferences_with_the_receipts_setting_passes_axe_in_each_language(string culture)
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await context.AddCookiesAsync([new Microsoft.Playwright.Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Url = app.Url("") }]);
        await new PreferencesPage(page, app).OpenAsync();
        await page.Locator("section.receipts input[type=checkbox]").WaitForAsync();

        var violations = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(violations.Count == 0, AxeReport.Describe($"preferences with receipts ({culture})", violations));
    }

    [Fact]
    public async Task The_download_refuses_another_customers_change_a_malformed_number_and_the_anonymous()
    {
        var owner = await app.NewAccountAsync("receipt.owner@example.com");
        await GrantAsync(owner, "sharing-northwind", Channel.Email);
        var theirs = (await ChangesAsync(owner))[^1].Sequence;
        using var other = new SignInClient(app.BaseAddress);
        await other.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);
        using var anonymous = new SignInClient(app.BaseAddress);

        using var notMine = await other.GetAsync($"history/receipt/{theirs}");
        using var malformed = await other.GetAsync("history/receipt/12abc");
        using var zero = await other.GetAsync("history/receipt/0");
        using var signedOut = await anonymous.GetAsync($"history/receipt/{theirs}");

        Assert.Equal(HttpStatusCode.NotFound, notMine.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, zero.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, signedOut.StatusCode);
        Assert.DoesNotContain("fingerprint", await signedOut.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task GrantAsync(Guid customerId, string purpose, Channel channel)
    {
        var result = await app.Services.GetRequiredService<ConsentService>().SetAsync(
            new ConsentChange(customerId, purpose, channel, true, 0, Actor.Customer(customerId), ChangeSource.Web));
        Assert.True(result.Succeeded, result.Message);
    }

    private async Task<List<LedgerEntry>> ChangesAsync(Guid customerId)
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.LedgerEntries.Where(e => e.SubjectId == customerId && e.EventType == LedgerEventType.ConsentGranted)
            .OrderBy(e => e.Sequence).ToListAsync();
    }
}
