using Deque.AxeCore.Playwright;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Features.Import;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;
using static PreferenceCenter.Tests.Features.Import.ImportFileReaderTests;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class ImportJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_checks_a_file_sees_its_errors_imports_a_good_one_and_the_customer_who_signs_up_reads_it_in_their_history()
    {
        var email = $"import-journey-{Guid.NewGuid():N}@example.com";
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await BlazorCircuit.GotoAsync(page, app.Url("admin/imports"));

        await ChooseAsync(page, "bad.csv", ImportFixture.File(Row(email: email), Row(captured: "14/03/2025")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Check file (dry run)" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("1 problems in 2 rows; nothing was changed.");
        await Expect(page.Locator("table.import-errors tbody tr")).ToContainTextAsync("3captured_at'14/03/2025' is not a date");
        var scan = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(scan.Count == 0, AxeReport.Describe("/admin/imports (dry run errors)", scan));

        await ChooseAsync(page, "shop.csv", ImportFixture.File(Row(email: email, source: "Northwind shop", point: "checkout")));
        await page.GetByRole(AriaRole.Button, new() { Name = "Import", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The import has started; its progress is shown below.");
        await Expect(page.Locator("article.import-run").First).ToContainTextAsync("shop.csv · completed", new() { Timeout = 20_000 });
        await Expect(page.Locator("article.import-run").First).ToContainTextAsync("1 written");

        var customerPage = await (await SignUpAsync(email)).NewPageAsync(browser, app);
        await using var customerContext = customerPage.Context;
        var history = await new HistoryPage(customerPage, app).OpenAsync();
        await Expect(history.Entries.First).ToContainTextAsync("You signed up and took over the record we had imported for your address");
        await Expect(history.Entries.Nth(1)).ToContainTextAsync("Imported from Northwind shop: you agreed to Marketing by SMS on 14 March 2025 at checkout");
    }

    // InputFile listens for "change" only once its script has run after the first interactive render: choose again until it has.
    private static async Task ChooseAsync(IPage page, string name, byte[] file)
    {
        for (var attempt = 0; ; attempt++)
        {
            await page.Locator("#import-file").SetInputFilesAsync(new FilePayload { Name = name, MimeType = "text/csv", Buffer = file });
            try
            {
                await Expect(page.Locator("#import-chosen")).ToHaveTextAsync($"Chosen: {name}", new() { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    // Signs up as sign-up does: the imported record is claimed, not duplicated.
    private async Task<DemoSignIn> SignUpAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        Assert.True((await users.CreateAsync(user, DemoCustomer.Password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.Customer);
        await scope.ServiceProvider.GetRequiredService<CustomerAccounts>().CreateForUserAsync(user.Id, email, culture: "en");
        return new DemoSignIn(email, DemoCustomer.Password);
    }
}
