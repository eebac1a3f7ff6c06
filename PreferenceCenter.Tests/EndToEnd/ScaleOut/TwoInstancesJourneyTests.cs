using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
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
        var key = await NewApiKeyAsync(deployment);
        var reference = await CustomerReferenceAsync(deployment);
        var before = await ApiEntriesAsync(deployment);

        // Every cell the demo catalog offers outside email (email marketing waits for the customer's double opt-in).
        (string Purpose, string Channel)[] cells =
        [
            ("marketing", "sms"), ("marketing", "phone"), ("marketing", "push"), ("marketing", "post"),
            ("profiling", "push"), ("sharing-northwind", "phone"), ("sharing-contoso", "post"),
        ];
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
        var written = await ApiEntriesAsync(deployment) - before;
        Assert.InRange(written, 1, answers.Count(a => a == HttpStatusCode.OK));
        var (exitCode, output) = await VerifyLedgerAsync(deployment);
        Assert.True(exitCode == 0, output);
        Assert.StartsWith("Ledger verified: all ", output, StringComparison.Ordinal);
        Assert.Equal(await LedgerCountAsync(deployment), long.Parse(output.Split("all ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));
    }

    [PostgreSqlFact]
    public async Task A_customer_whose_instance_stops_reconnects_to_the_other_and_carries_on_with_nothing_lost()
    {
        await using var deployment = await ScaleOutDeployment.StartAsync();
        await deployment.WithProblemsOnFailureAsync(() => FailoverAsync(deployment));
    }

    private async Task FailoverAsync(ScaleOutDeployment deployment)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await page.GotoAsync(new Uri(deployment.Url, "Account/Login").AbsoluteUri);
        await page.GetByLabel(AccountText.Get("Field.Email", "en"), new() { Exact = true }).FillAsync(DemoCustomer.Email);
        await page.GetByLabel(AccountText.Get("Field.Password", "en"), new() { Exact = true }).FillAsync(DemoCustomer.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = AccountText.Get("Login.Submit", "en"), Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));

        await page.GotoAsync(new Uri(deployment.Url, "preferences").AbsoluteUri);
        var first = page.GetByRole(AriaRole.Switch, new() { Name = First, Exact = true });
        var second = page.GetByRole(AriaRole.Switch, new() { Name = Second, Exact = true });
        await Expect(first).ToBeEnabledAsync(new() { Timeout = 30_000 });
        var firstWas = await first.IsCheckedAsync();
        var secondWas = await second.IsCheckedAsync();
        await first.ClickAsync();
        // A native switch flips at once in the browser; the status line is the server's acknowledgement.
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(First);
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
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync(Second);
        await Expect(second).ToBeCheckedAsync(new() { Checked = !secondWas });

        await page.ReloadAsync();
        await Expect(first).ToBeCheckedAsync(new() { Checked = !firstWas, Timeout = 30_000 });
        await Expect(second).ToBeCheckedAsync(new() { Checked = !secondWas });
    }
    private async Task<string> NewApiKeyAsync(ScaleOutDeployment deployment)
    {
        var page = await SignedInAsync(deployment, DemoOfficer.Email, DemoOfficer.Password);
        await using var context = page.Context;
        await page.GotoAsync(new Uri(deployment.Url, "admin/api-clients").AbsoluteUri);
        await Expect(page.Locator("#client-name")).ToBeEnabledAsync(new() { Timeout = 30_000 });
        await page.Locator("#client-name").FillAsync("burst sender");
        await page.GetByRole(AriaRole.Checkbox, new() { Name = "consents:write — may record consents gathered elsewhere, with evidence" }).CheckAsync();
        await page.Locator("#client-limit").FillAsync("1000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create the client" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("burst sender was created. Copy its key below.");
        return await page.Locator("#new-key").InputValueAsync();
    }

    private async Task<string> CustomerReferenceAsync(ScaleOutDeployment deployment)
    {
        var page = await SignedInAsync(deployment, DemoCustomer.Email, DemoCustomer.Password);
        await using var context = page.Context;
        await page.GotoAsync(new Uri(deployment.Url, "my-data").AbsoluteUri);
        return (await page.Locator("dt:text-is('Customer reference') + dd").InnerTextAsync()).Trim();
    }

    private async Task<IPage> SignedInAsync(ScaleOutDeployment deployment, string email, string password)
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync(new Uri(deployment.Url, "Account/Login").AbsoluteUri);
        await page.GetByLabel(AccountText.Get("Field.Email", "en"), new() { Exact = true }).FillAsync(email);
        await page.GetByLabel(AccountText.Get("Field.Password", "en"), new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = AccountText.Get("Login.Submit", "en"), Exact = true }).ClickAsync();
        await Expect(page).Not.ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/Account/Login"));
        return page;
    }

    // Entries whose actor is an API client (ActorKind.ApiClient), read straight from the deployment's database.
    private static async Task<long> ApiEntriesAsync(ScaleOutDeployment deployment) =>
        await ScalarAsync(deployment, $"SELECT count(*) FROM \"LedgerEntries\" WHERE \"ActorKind\" = {(int)PreferenceCenter.Features.Common.ActorKind.ApiClient}");

    private static Task<long> LedgerCountAsync(ScaleOutDeployment deployment) => ScalarAsync(deployment, "SELECT count(*) FROM \"LedgerEntries\"");

    private static async Task<long> ScalarAsync(ScaleOutDeployment deployment, string sql)
    {
        await using var connection = new NpgsqlConnection($"Host=127.0.0.1;Port={deployment.PostgresPort};Database=preferencecenter;Username=postgres");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<(int ExitCode, string Output)> VerifyLedgerAsync(ScaleOutDeployment deployment)
    {
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(RepositoryPaths.App, "bin", configuration, "net10.0", "PreferenceCenter.dll"), "verify-ledger"])
        {
            WorkingDirectory = RepositoryPaths.App, RedirectStandardOutput = true, RedirectStandardError = true,
            Environment = { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["Logging__LogLevel__Default"] = "Warning" },
        };
        foreach (var (name, value) in deployment.DatabaseEnvironment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));
        return (process.ExitCode, (await output).Trim() + (await errors).Trim());
    }
}
