using System.Globalization;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class ReaderTimeJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task A_customer_in_New_York_sees_their_history_on_their_own_clock()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app, timeZone: "America/New_York");
        await using var context = page.Context;

        var history = await new HistoryPage(page, app).OpenAsync();
        var time = history.Entries.First.Locator("time");
        await Expect(time).ToBeVisibleAsync();

        var recorded = DateTimeOffset.Parse(await time.GetAttributeAsync("datetime") ?? "", CultureInfo.InvariantCulture);
        var newYork = TimeZoneInfo.ConvertTime(recorded, TimeZoneInfo.FindSystemTimeZoneById("America/New_York"));
        await Expect(time).ToHaveTextAsync(newYork.ToString("d MMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en")));
    }
}
