using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class ApiClientJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_creates_a_client_its_key_records_a_consent_the_customer_reads_it_and_a_revoked_key_gets_401()
    {
        var (reference, signIn) = await NewCustomerAsync();
        var name = $"newsletter system {Guid.NewGuid().ToString("N")[..6]}";
        var page = await DemoOfficerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        await BlazorCircuit.GotoAsync(page, app.Url("admin/api-clients"));

        await page.Locator("#client-name").FillAsync(name);
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "consents:write — may record consents gathered elsewhere, with evidence" }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{name} was created. Copy its key below.");
        var key = await page.Locator("#new-key").InputValueAsync();
        var scan = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
        Assert.True(scan.Count == 0, AxeReport.Describe("/admin/api-clients (key shown)", scan));

        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var body = new
        {
            purpose = "marketing", channel = "sms", granted = true,
            evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-10), collectionPoint = "shop checkout", noticeVersion = 1 },
        };
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsJsonAsync($"api/v1/customers/{reference}/consents", body)).StatusCode);

        var customerPage = await signIn.NewPageAsync(browser, app);
        await using var customerContext = customerPage.Context;
        var history = await new HistoryPage(customerPage, app).OpenAsync();
        await Expect(history.Entries.First).ToContainTextAsync($"Our {name} recorded that you turned on Marketing by SMS");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke {name}" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Yes, revoke {name} now" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync($"{name} was revoked: its keys stopped working.");
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsJsonAsync($"api/v1/customers/{reference}/consents", body)).StatusCode);
    }

    // A customer of this test alone, signed up as sign-up does, so the shared demo customer's history stays as other journeys expect.
    private async Task<(string Reference, DemoSignIn SignIn)> NewCustomerAsync()
    {
        var email = $"api-journey-{Guid.NewGuid():N}@example.com";
        var customerId = await app.NewAccountAsync(email);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var reference = await db.Customers.Where(c => c.Id == customerId).Select(c => c.Reference).SingleAsync();
        return (reference, new DemoSignIn(email, DemoCustomer.Password));
    }
}
