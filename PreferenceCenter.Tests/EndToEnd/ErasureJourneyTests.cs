using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;
using ErasureLinks = PreferenceCenter.Features.Erasure.ErasureLinks;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// Download, then "forget me" to the end. The erasure journey registers a customer of its own: the demo customer is
/// shared by every test on this app host and must never be erased.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class ErasureJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task The_demo_customer_downloads_their_data_and_history_records_it()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        var myData = await new MyDataPage(page, app).OpenAsync();
        await Expect(myData.Section("About you")).ToContainTextAsync(DemoCustomer.Email);

        var (fileName, json) = await myData.DownloadAsync();

        using (json)
        {
            Assert.Matches(@"^my-data-\d{4}-\d{2}-\d{2}\.json$", fileName);
            Assert.Equal("preferencecenter-my-data/1", json.RootElement.GetProperty("format").GetString());
            Assert.Equal(DemoCustomer.Email, json.RootElement.GetProperty("profile").GetProperty("email").GetString());
        }

        var history = await new HistoryPage(page, app).OpenAsync();
        await Expect(history.Entries.Filter(new() { HasText = "You downloaded a copy of your data" }).First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_customer_asks_to_be_forgotten_confirms_by_email_the_officer_approves_and_runs_it_and_they_can_no_longer_sign_in()
    {
        var email = $"forget-{Guid.NewGuid():N}@example.com";
        const string password = "Forget!Me42";
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        await (await new RegisterPage(page, app).OpenAsync()).RegisterAsync(email, password);
        using (var welcome = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email))
        {
            await page.GotoAsync(MailPickup.LinkTo(welcome, "/Account/ConfirmEmail").AbsoluteUri);
        }

        await (await new LoginPage(page, app).OpenAsync()).SignInAsync(email, password);
        var (_, json) = await (await new MyDataPage(page, app).OpenAsync()).DownloadAsync();
        json.Dispose();

        // Asking needs the password again; a wrong one asks nothing.
        var forgetMe = await new ForgetMePage(page, app).OpenAsync();
        Assert.Equal("That password is not right. Nothing was requested.", await forgetMe.AskAsync("not-my-password"));
        Assert.Equal("Almost done: we have emailed you a link. Open it to confirm your request.", await forgetMe.AskAsync(password));
        await Expect(forgetMe.RequestStatus).ToContainTextAsync("Waiting for you to confirm it");

        using var confirmation = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email, "Confirm your erasure request");
        var link = MailPickup.LinkTo(confirmation, "/forget-me/confirm");
        Assert.Equal("Thank you: your request is confirmed. Our privacy officer will review it.", await forgetMe.ConfirmAsync(link));
        var requestId = app.Services.GetRequiredService<ErasureLinks>().Read(Uri.UnescapeDataString(link.Query["?token=".Length..]))!.Value.RequestId;

        var officerPage = await DemoOfficerSession.NewPageAsync(browser, app);
        await using (officerPage.Context)
        {
            var queue = await new ErasureQueuePage(officerPage, app).OpenAsync();
            await Expect(queue.Row(requestId)).ToContainTextAsync("Confirmed, to decide");
            Assert.Equal($"Request #{requestId} approved; the customer has been told.", await queue.PressAsync($"Approve Request #{requestId}"));
            Assert.Equal($"Request #{requestId} carried out: the customer's data is erased.", await queue.PressAsync($"Run Request #{requestId} now"));
            await Expect(queue.Row(requestId)).ToContainTextAsync("Completed");
        }

        var again = await browser.NewPageAsync();
        await using var againContext = again.Context;
        await (await new LoginPage(again, app).OpenAsync()).SubmitExpectingRefusalAsync(email, password);
    }
}
