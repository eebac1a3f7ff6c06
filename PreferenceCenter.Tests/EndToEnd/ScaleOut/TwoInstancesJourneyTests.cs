using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using Npgsql;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd.ScaleOut;

/// <summary>
/// The scale-out recipe for real (<c>deploy/scale-out.sh</c>: PostgreSQL, two instances, HAProxy): a customer signed
/// in through the balancer loses the instance serving their page, is carried to the other, and carries on with every
/// saved change in place: the sign-in cookie reads on both because the Data Protection keys are in the database.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class TwoInstancesJourneyTests(BrowserFixture browser)
{
    private const string First = "Sharing with Northwind Travel by email";
    private const string Second = "Sharing with Contoso Insurance by email";

    // Every cell the demo catalog offers outside email (email marketing waits for the customer's double opt-in).
    private static readonly (string Purpose, string Channel)[] Cells =
    [
        ("marketing", "sms"), ("marketing", "phone"), ("marketing", "push"), ("marketing", "post"),
        ("profiling", "push"), ("sharing-northwind", "phone"), ("sharing-contoso", "post"),
    ];

    /// <summary>
    /// A sending system's burst split across both instances, each change racing the others for the ledger's tail:
    /// every answer is 200 or 409 (never a fault), and the ledger that results verifies end to end, gap-free and unforked.
    /// </summary>
    [PostgreSqlFact]
    public async Task Two_thousand_consent_changes_sent_to_both_instances_at_once_leave_a_ledger_that_verifies()
    {
        await using var deployment = await ScaleOutDeployment.StartAsync();
        await deployment.WithProblemsOnFailureAsync(() => BurstAsync(deployment));
    }

    private async Task BurstAsync(ScaleOutDeployment deployment)
    {
        const int PerInstance = 1_000;
        var sessions = new ScaleOutSessions(browser, deployment);
        var key = await sessions.NewApiKeyAsync("burst sender");
        var reference = await sessions.CustomerReferenceAsync();
        var before = await ScaleOutSessions.ApiEntriesAsync(deployment);

        var cells = Cells;
        using var gate = new SemaphoreSlim(16);
        var clients = deployment.Instances.Select(instance =>
        {
            var http = new HttpClient { BaseAddress = instance };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return http;
        }).ToArray();
        var answers = await Task.WhenAll(Enumerable.Range(0, 2 * PerInstance).Select(async n =>
        {
            await gate.WaitAsync();
            try
            {
                var body = new
                {
                    purpose = cells[n % cells.Length].Purpose, channel = cells[n % cells.Length].Channel, granted = n / cells.Length % 2 == 0,
                    evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-1), collectionPoint = $"burst {n}", noticeVersion = 1 },
                };
                using var response = await clients[n % 2].PostAsJsonAsync($"api/v1/customers/{reference}/consents", body);
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        foreach (var client in clients)
        {
            client.Dispose();
        }

        Assert.All(answers, status => Assert.Contains(status, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        var written = await ScaleOutSessions.ApiEntriesAsync(deployment) - before;
        Assert.InRange(written, 1, answers.Count(a => a == HttpStatusCode.OK));
        var (exitCode, output) = await ScaleOutSessions.VerifyLedgerAsync(deployment);
        Assert.True(exitCode == 0, output);
        Assert.StartsWith("Ledger verified: all ", output, StringComparison.Ordinal);
        Assert.Equal(await ScaleOutSessions.LedgerCountAsync(deployment), long.Parse(output.Split("all ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// RFC 8058 one-click unsubscribes for seven of the customer's consents, each sent eight times (a mailbox provider
    /// retrying) split across both instances at once: every answer is 200, every consent ends withdrawn, each by
    /// exactly one ledger entry, and the ledger verifies.
    /// </summary>
    [PostgreSqlFact]
    public async Task One_click_unsubscribes_sent_to_both_instances_at_once_are_all_durable_and_counted_once()
    {
        await using var deployment = await ScaleOutDeployment.StartAsync();
        await deployment.WithProblemsOnFailureAsync(() => OneClickAsync(deployment));
    }

    private async Task OneClickAsync(ScaleOutDeployment deployment)
    {
        var sessions = new ScaleOutSessions(browser, deployment);
        var key = await sessions.NewApiKeyAsync("one-click setup");
        var reference = await sessions.CustomerReferenceAsync();
        var customerId = await ScaleOutSessions.CustomerIdAsync(deployment, reference);
        using var api = new HttpClient { BaseAddress = deployment.Url };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        foreach (var (purpose, channel) in Cells)
        {
            using var granted = await api.PostAsJsonAsync($"api/v1/customers/{reference}/consents", new
            {
                purpose, channel, granted = true,
                evidence = new { capturedAt = DateTimeOffset.UtcNow.AddMinutes(-1), collectionPoint = "one-click setup", noticeVersion = 1 },
            });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }

        var oneClickBefore = await ScaleOutSessions.OneClickEntriesAsync(deployment);
        string[] tokens;
        await using (var links = ScaleOutSessions.LinkServices(deployment))
        {
            var make = links.GetRequiredService<LinkTokens>();
            tokens = [.. Cells.Select(cell => make.Create(LinkPurpose.Unsubscribe, customerId, cell.Purpose, Enum.Parse<Channel>(cell.Channel, ignoreCase: true), TimeSpan.FromDays(1)))];
        }

        var instances = deployment.Instances.Select(instance => new HttpClient { BaseAddress = instance }).ToArray();
        var answers = await Task.WhenAll(tokens.SelectMany(token => Enumerable.Range(0, 8).Select(async i =>
        {
            using var form = new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]);
            using var response = await instances[i % 2].PostAsync($"u/{token}", form);
            return response.StatusCode;
        })));
        foreach (var instance in instances)
        {
            instance.Dispose();
        }

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        var consents = await api.GetFromJsonAsync<JsonElement>($"api/v1/customers/{reference}/consents");
        foreach (var (purpose, channel) in Cells)
        {
            var state = consents.GetProperty("consents").EnumerateArray()
                .Single(c => c.GetProperty("purpose").GetString() == purpose && c.GetProperty("channel").GetString() == channel)
                .GetProperty("state").GetString();
            Assert.True(state == "withdrawn", $"{purpose} by {channel} is {state}");
        }

        Assert.Equal(oneClickBefore + Cells.Length, await ScaleOutSessions.OneClickEntriesAsync(deployment));
        var (exitCode, output) = await ScaleOutSessions.VerifyLedgerAsync(deployment);
        Assert.True(exitCode == 0, output);
    }

    [PostgreSqlFact]
    public async Task A_customer_whose_instance_stops_reconnects_to_the_other_and_carries_on_with_nothing_lost()
    {
        await using var deployment = await ScaleOutDeployment.StartAsync();
        await deployment.WithProblemsOnFailureAsync(() => FailoverAsync(deployment));
    }

    private async Task FailoverAsync(ScaleOutDeployment deployment)
    {
        var page = await new ScaleOutSessions(browser, deployment).SignedInAsync(DemoCustomer.Email, DemoCustomer.Password);
        await using var context = page.Context;

        await page.GotoAsync(new Uri(deployment.Url, "preferences").AbsoluteUri);
        var first = page.GetByRole(AriaRole.Switch, new() { Name = First, Exact = true });
        var second = page.GetByRole(AriaRole.Switch, new() { Name = Second, Exact = true });
        // The live panel's status line, first on the page (the static questionnaire below has its own).
        var status = page.GetByRole(AriaRole.Status).First;
        await Expect(first).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var firstWas = await first.IsCheckedAsync();
        var secondWas = await second.IsCheckedAsync();
        await first.ClickAsync();
        // A native switch flips at once in the browser; the status line is the server's acknowledgement.
        await Expect(status).ToContainTextAsync(First);
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas });

        // The balancer's cookie says which instance holds this page's circuit; that one goes away mid-session.
        var serving = (await context.CookiesAsync()).Single(c => c.Name == "pc-instance").Value;
        deployment.Kill(serving);

        // The page's reconnect reaches the other instance, which knows no such circuit: the page reloads there,
        // still signed in, showing what was saved.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while ((await context.CookiesAsync()).Single(c => c.Name == "pc-instance").Value == serving)
        {
            Assert.True(waited.Elapsed < TimeSpan.FromMinutes(1), "The balancer never carried the page to the other instance.");
            await Task.Delay(250);
        }

        await Expect(page.Locator("#components-reconnect-modal")).ToBeHiddenAsync(new() { Timeout = 60_000 });
        await Expect(second).ToBeEnabledAsync(new() { Timeout = 60_000 });
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas });
        await second.ClickAsync();
        await Expect(status).ToContainTextAsync(Second);
        await Expect(second).ToBeCheckedAsync(new() { Checked = !secondWas });

        await page.ReloadAsync();
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas, Timeout = 30_000 });
        await Expect(second).ToBeCheckedAsync(new() { Checked = !secondWas });
    }
}
