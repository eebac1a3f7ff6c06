using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using PreferenceCenter.Data;
using PreferenceCenter.Benchmarks.Http;
using PreferenceCenter.Infrastructure.Diagnostics;

namespace PreferenceCenter.Benchmarks.Circuits;

/// <summary>
/// Managed heap per open <c>/preferences</c> circuit: the Release app (Development, for the demo customer's page:
/// five purposes × five channels, the questions, contact rules) with N tabs of the signed-in demo customer open in
/// Debian's Chromium, the heap read after a forced compacting full collection before and with them, and the circuits
/// counted again after the tabs close.
/// Usage: <c>circuits [tabs=100]</c>.
/// </summary>
public static class CircuitMemoryBenchmark
{
    private const double TargetKilobytes = 250;
    private const int OpenAtOnce = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        var tabs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
        if (tabs < 1)
        {
            Console.Error.WriteLine("Give at least one tab.");
            return 2;
        }

        Console.WriteLine($"Heap per /preferences circuit with {tabs} tabs open. .NET {Environment.Version}, {Environment.ProcessorCount} cores.");
        await using var app = await AppProcess.StartAsync("Development", new Dictionary<string, string?>
        {
            [DatabaseStartup.SeedDemoDataKey] = "true",
            [BenchmarkDiagnostics.SettingKey] = "true",
            ["DetailedErrors"] = "false",
        });
        using var client = new HttpClient { BaseAddress = app.BaseAddress };
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("PREFERENCECENTER_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.AbsoluteUri });
        await SignInAsync(context);

        // Warm-up: the first circuits pay for JIT, MudBlazor's statics and the app's caches, which every later one shares.
        await CloseAllAsync(await OpenAsync(context, 3));
        var before = await SettledAsync(client, circuits: 0);
        await GcDump.CollectIfAskedAsync(app.ProcessId, "none");

        var pages = await OpenAsync(context, tabs);
        var with = await SettledAsync(client, circuits: tabs);
        var perCircuit = (with.HeapBytes - before.HeapBytes) / (double)tabs / 1024;
        await GcDump.CollectIfAskedAsync(app.ProcessId, "open");

        await CloseAllAsync(pages);
        // A tab whose disconnect beacon was lost leaves its circuit for Blazor's retention period (3 minutes by default).
        var after = await SettledAsync(client, circuits: 0, TimeSpan.FromMinutes(4));

        Console.WriteLine($"Heap with 0 circuits: {before.HeapBytes / 1048576.0:N1} MB; with {with.Circuits} open: {with.HeapBytes / 1048576.0:N1} MB; after closing them: {after.HeapBytes / 1048576.0:N1} MB with {after.Circuits} circuits left");
        var met = perCircuit <= TargetKilobytes && after.Circuits == 0;
        Console.WriteLine($"Per circuit: {perCircuit:N0} KB. Target at most {TargetKilobytes:N0} KB and 0 circuits left after close: {(met ? "MET" : "NOT MET")}");
        return met ? 0 : 1;
    }

    private static async Task SignInAsync(IBrowserContext context)
    {
        var customer = DevelopmentSeeder.DemoAccounts[0].Email;
        var page = await context.NewPageAsync();
        await page.GotoAsync("Account/Login");
        await page.Locator("#Input\\.Email").FillAsync(customer);
        await page.Locator("#Input\\.Password").FillAsync(DevelopmentSeeder.DemoPassword);
        await page.Locator("form:has(#Input\\.Password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("Account/Login", StringComparison.Ordinal));
        await page.CloseAsync();
    }

    // A few tabs at a time, each until its page is drawn; the circuit count then says they are all connected.
    private static async Task<List<IPage>> OpenAsync(IBrowserContext context, int count)
    {
        var pages = new List<IPage>();
        for (var opened = 0; opened < count; opened += OpenAtOnce)
        {
            pages.AddRange(await Task.WhenAll(Enumerable.Range(0, Math.Min(OpenAtOnce, count - opened)).Select(async _ =>
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync("preferences", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
                await page.Locator("input[type=checkbox]").First.WaitForAsync();
                return page;
            })));
        }

        return pages;
    }

    private static async Task CloseAllAsync(List<IPage> pages)
    {
        foreach (var page in pages)
        {
            await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = true });
        }
    }

    // Reads until the circuit count is the one expected (or the wait passes); that reading is the figure.
    private static async Task<HeapReading> SettledAsync(HttpClient client, int circuits, TimeSpan? wait = null)
    {
        var waited = Stopwatch.StartNew();
        HeapReading reading;
        do
        {
            reading = await client.GetFromJsonAsync<HeapReading>("bench/heap") ?? throw new InvalidOperationException("No heap reading.");
            if (reading.Circuits == circuits)
            {
                break;
            }

            await Task.Delay(1_000);
        }
        while (waited.Elapsed < (wait ?? TimeSpan.FromMinutes(1)));

        return reading;
    }
}
