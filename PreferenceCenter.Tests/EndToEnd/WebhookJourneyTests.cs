using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Webhooks;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Features.Webhooks;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class WebhookJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task The_officer_registers_an_endpoint_a_consent_change_reaches_the_receiver_signed_and_the_health_shows_it()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        try
        {
            var name = $"crm {Guid.NewGuid().ToString("N")[..6]}";
            await using (var scope = app.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<ApiClientService>().CreateAsync(name, [ApiScopes.Decisions], 60, "journey");
            }

            var page = await DemoOfficerSession.NewPageAsync(browser, app);
            await using var context = page.Context;
            await BlazorCircuit.GotoAsync(page, app.Url("admin/webhooks"));
            await page.Locator("#endpoint-client").SelectOptionAsync(new SelectOptionValue { Label = name });
            await page.Locator("#endpoint-url").FillAsync(receiver.Url);
            await page.GetByRole(AriaRole.Checkbox, new() { Name = "consent.changed — a consent was given, withdrawn, confirmed, renewed or lapsed" }).CheckAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Register the endpoint" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("The endpoint was registered. Copy its signing secret below.");
            receiver.Secret = await page.Locator("#new-secret").InputValueAsync();
            var scan = AxeReport.Blocking(await page.RunAxe(AxeReport.WcagOptions()));
            Assert.True(scan.Count == 0, AxeReport.Describe("/admin/webhooks (secret shown)", scan));

            var (customer, reference) = await NewCustomerAsync();
            await app.Services.GetRequiredService<ConsentService>().SetAsync(new ConsentChange(
                customer, "marketing", Channel.Sms, true, ConsentChange.AnyVersion, Actor.Customer(customer), ChangeSource.Web));

            var got = await WaitForAsync(() => receiver.Received.FirstOrDefault(r => r.Customer == reference));
            Assert.True(got.Verified, "The receiver's own HMAC check failed.");
            Assert.Contains("\"type\":\"consent.changed\"", got.Body, StringComparison.Ordinal);

            await WaitForAsync(async () =>
            {
                await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
                return await db.WebhookDeliveries.AnyAsync(d => d.CustomerId == customer && d.AcknowledgedAt != null) ? (object)true : null;
            });
            await BlazorCircuit.GotoAsync(page, app.Url("admin/webhooks"));
            var row = page.Locator("table.webhook-endpoints tbody tr", new() { HasText = receiver.Url });
            await Expect(row).ToContainTextAsync(name);
            await Expect(row.Locator("td").Nth(2)).Not.ToHaveTextAsync("never");
            await Expect(row.Locator("td").Nth(4)).ToHaveTextAsync("0");
        }
        finally
        {
            await RemoveEndpointAsync(receiver.Url);
        }
    }

    // The app is shared by the whole end-to-end group: once the receiver is gone, an endpoint left behind would turn
    // every later test's consent change into deliveries retried against a closed port.
    private async Task RemoveEndpointAsync(string url)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var ids = await db.WebhookEndpoints.Where(e => e.Url == url).Select(e => e.Id).ToListAsync();
        foreach (var id in ids)
        {
            await scope.ServiceProvider.GetRequiredService<WebhookAdminService>().RemoveAsync(id, "journey");
        }
    }

    private static async Task<T> WaitForAsync<T>(Func<T?> probe) where T : class => await WaitForAsync(() => Task.FromResult(probe()));

    // The app's dispatcher polls every few seconds; give it a few rounds.
    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> probe) where T : class
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(30); waited += TimeSpan.FromMilliseconds(200))
        {
            if (await probe() is { } found)
            {
                return found;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("Nothing arrived within 30 s.");
    }

    private async Task<(Guid Id, string Reference)> NewCustomerAsync()
    {
        var id = await app.NewAccountAsync($"webhook-journey-{Guid.NewGuid():N}@example.com");
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return (id, await db.Customers.Where(c => c.Id == id).Select(c => c.Reference).SingleAsync());
    }
}
