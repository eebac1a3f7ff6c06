using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Insights;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Insights;

public sealed class InsightsPageTests : PageTestBase
{
    private async Task SignInWithInsightsAsync()
    {
        // Before signing in, which builds the service provider.
        Services.AddSingleton(Options.Create(new InsightsOptions()));
        Services.AddSingleton<InsightsService>();
        Services.AddScoped<InsightText>();
        await SignInOfficerAsync();
    }

    private static Dictionary<string, string[]> Rows(IRenderedComponent<InsightsPage> cut, InsightChart chart) =>
        cut.FindAll($"table[data-chart='{InsightCharts.Slug(chart)}'] tbody tr")
            .ToDictionary(r => r.QuerySelector("th")!.TextContent, r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray());

    [Fact]
    public async Task Render_ShowsEachChartWithItsTableAndCsvLink_SmallCountsAsFewerThanTen()
    {
        await SignInWithInsightsAsync();
        for (var i = 0; i < 22; i++)
        {
            var customer = await AddCustomerAsync();
            if (i < 12)
            {
                var change = new ConsentChange(customer, "profiling", Channel.Email, true, 0, Actor.Customer(customer), ChangeSource.Web);
                Assert.Equal(ConsentChangeOutcome.Saved, (await Consents.SetAsync(change)).Outcome);
            }
        }

        var cut = Render<InsightsPage>();

        cut.WaitForAssertion(() => Assert.Equal(6, cut.FindAll("section.insight").Count));
        // 23 customers (the base class's own one too): 12 on, 11 not.
        Assert.Equal(["12", "11", "52.2 %"], Rows(cut, InsightChart.OptInNow)["Profiling · Email"]);
        Assert.Equal(["fewer than 10", "fewer than 10", "hidden (fewer than 10 on one side)"], Rows(cut, InsightChart.OptInNow)["Marketing · SMS"]);
        Assert.Equal(12, Rows(cut, InsightChart.Withdrawals).Count);
        Assert.Equal("admin/insights/withdrawals.csv?weeks=12", cut.FindAll("a.insight-csv")[2].GetAttribute("href"));
        Assert.All(cut.FindAll(".insight-chart"), chart => Assert.Equal("true", chart.GetAttribute("aria-hidden")));
        Assert.Contains("fewer than 10 comments", cut.Find("#insights-comments + p").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ForTwentySixWeeks_HasTwentySixRowsAndMarksThePeriod()
    {
        await SignInWithInsightsAsync();
        Services.GetRequiredService<NavigationManager>().NavigateTo("admin/insights?weeks=26");

        var cut = Render<InsightsPage>();

        cut.WaitForAssertion(() => Assert.Equal(26, Rows(cut, InsightChart.Renewals).Count));
        Assert.Equal("page", cut.FindAll(".period-links a").Single(a => a.TextContent == "Last 26 weeks").GetAttribute("aria-current"));
        Assert.EndsWith("?weeks=26", cut.FindAll("a.insight-csv")[0].GetAttribute("href"), StringComparison.Ordinal);
    }

    private async Task<Guid> AddCustomerAsync()
    {
        await using var db = Database.CreateDbContext();
        return await CatalogBuilder.AddCustomerAsync(db);
    }
}
