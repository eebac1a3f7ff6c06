using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Insights;
using PreferenceCenter.Resources;

namespace PreferenceCenter.Tests.Features.Insights;

public sealed class InsightsCsvTests : IAsyncLifetime
{
    private InsightsStore store = null!;
    private ServiceProvider services = null!;

    public async Task InitializeAsync()
    {
        store = await InsightsStore.CreateAsync();
        services = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider();
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
    }

    public async Task DisposeAsync()
    {
        await services.DisposeAsync();
        await store.DisposeAsync();
    }

    private InsightText Text => new(services.GetRequiredService<IStringLocalizer<SharedResource>>());

    private async Task<Dictionary<InsightChart, string>> EveryCsvAsync()
    {
        var report = await store.Service().ReadAsync(12, "en");
        return report.Tables.ToDictionary(t => t.Chart, t => Encoding.UTF8.GetString(InsightsCsv.Write(t, report.Minimum, Text)));
    }

    [Fact]
    public async Task Write_HasTheTablesHeadingsAndCells_HiddenOnesAsFewerThanTheMinimum()
    {
        var customers = await store.AddCustomersAsync(30);
        foreach (var customer in customers.Take(12))
        {
            await store.GrantAsync(InsightsStore.Now.AddDays(-100), customer, "profiling", Channel.Email);
        }

        var csv = (await EveryCsvAsync())[InsightChart.OptInNow];

        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Purpose · channel,Opted in,Not opted in,Opt-in rate", lines[0]);
        Assert.Contains("Profiling · Email,12,18,40.0 %", lines);
        Assert.Contains("Marketing · SMS,fewer than 10,fewer than 10,hidden (fewer than 10 on one side)", lines);
    }

    [Fact]
    public async Task Write_WritesAPurposeTitleThatLooksLikeAFormula_AsText()
    {
        await store.Database.ExecuteRawAsync("""UPDATE "PurposeText" SET "Title" = '=HYPERLINK("http://evil.example","x")' WHERE "Title" = 'Profiling';""");

        var csv = (await EveryCsvAsync())[InsightChart.OptInNow];

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") · Email\"", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=", csv, StringComparison.Ordinal);
    }

    /// <summary>
    /// One customer, the only one ever to withdraw through the API, does so. An attacker downloads every chart's CSV
    /// before and after, and knows one customer changed (the opt-in counts say so). Nothing else moved: the CSVs
    /// that could say how (the withdrawals) are byte for byte the same, and in every row a hidden cell never stands
    /// alone, so a known total minus the cells shown never gives it back.
    /// </summary>
    [Fact]
    public async Task Reidentify_OneCustomersWithdrawalThroughEveryChartsCsv_BeforeAndAfter_Fails()
    {
        var customers = await store.AddCustomersAsync(60);
        var target = customers[^1];
        foreach (var customer in customers)
        {
            await store.GrantAsync(InsightsStore.Now.AddDays(-100), customer, "profiling", Channel.Email);
        }

        var day = InsightsStore.Now.AddHours(-3);
        foreach (var customer in customers.Take(25))
        {
            await store.WithdrawAsync(day, customer, "profiling", Channel.Email, ChangeSource.Web);
        }

        foreach (var customer in customers.Skip(25).Take(12))
        {
            await store.WithdrawAsync(day, customer, "profiling", Channel.Email, ChangeSource.OneClickUnsubscribe);
        }

        var before = await EveryCsvAsync();
        await store.WithdrawAsync(day.AddMinutes(1), target, "profiling", Channel.Email, ChangeSource.Api);
        var after = await EveryCsvAsync();

        Assert.Equal(before[InsightChart.Withdrawals], after[InsightChart.Withdrawals]);
        Assert.NotEqual(before[InsightChart.OptInNow], after[InsightChart.OptInNow]); // the change itself is visible…
        foreach (var (chart, csv) in before.Concat(after))
        {
            foreach (var line in csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1))
            {
                var hidden = line.Split(',').Count(cell => cell.StartsWith("fewer than", StringComparison.Ordinal) || cell.StartsWith("hidden", StringComparison.Ordinal));
                Assert.True(hidden != 1, $"{chart}: a single hidden cell, derivable from a total: {line}"); // …how it was made is not
            }
        }
    }
}
