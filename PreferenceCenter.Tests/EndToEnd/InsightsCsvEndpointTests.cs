using System.Net;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>The charts' CSVs over real HTTP: the officer's only, a file per chart, an unknown chart a 404.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class InsightsCsvEndpointTests(AppHost app)
{
    [Fact]
    public async Task Officer_downloads_a_charts_csv_and_an_unknown_chart_is_not_found()
    {
        using var client = new SignInClient(app.BaseAddress);
        await client.SignInAsync(DemoOfficer.Email, DemoOfficer.Password);

        using var csv = await client.GetAsync("admin/insights/withdrawals.csv?weeks=26");
        using var unknown = await client.GetAsync("admin/insights/everyone.csv");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("insights-withdrawals-", csv.Content.Headers.ContentDisposition?.FileNameStar ?? csv.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);
        Assert.Equal(27, (await csv.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length); // header + 26 weeks
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task Customer_is_refused_the_csv()
    {
        using var client = new SignInClient(app.BaseAddress);
        await client.SignInAsync(DemoCustomer.Email, DemoCustomer.Password);

        using var response = await client.GetAsync("admin/insights/opt-in-now.csv");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Opt-in rate", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
