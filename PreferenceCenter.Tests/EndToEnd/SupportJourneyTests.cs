using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;
using static Microsoft.Playwright.Assertions;
using Actor = PreferenceCenter.Features.Common.Actor;
using ChangeSource = PreferenceCenter.Features.Common.ChangeSource;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class SupportJourneyTests(AppHost app, BrowserFixture browser)
{
    private const string Reason = "Customer called and asked us to stop marketing texts";

    [Fact]
    public async Task The_demo_agent_turns_off_marketing_texts_for_the_demo_customer_by_phone_and_the_customer_sees_it_in_history()
    {
        var (customerId, reference) = await DemoCustomerAsync();
        await EnsureMarketingBySmsIsOnAsync(customerId);

        var agentPage = await DemoSupportSession.NewPageAsync(browser, app);
        await using (agentPage.Context)
        {
            var console = await new SupportConsolePage(agentPage, app).OpenAsync();
            await console.FindAsync(DemoCustomer.Email);
            await Expect(console.FoundCustomer).ToContainTextAsync("c•••@e•••.com");
            await Expect(console.FoundCustomer).Not.ToContainTextAsync(DemoCustomer.Email);

            await console.OpenFoundCustomerAsync();
            await Expect(console.Heading).ToHaveTextAsync($"Customer {reference}");
            await Expect(console.Switch("Marketing by SMS")).ToBeDisabledAsync(); // not before saying how and why

            await console.StartActingAsync("By phone", Reason);
            await Expect(console.ActingBanner).ToContainTextAsync($"You are changing the data of customer {reference}, at their request (By phone).");

            Assert.Equal($"Marketing by SMS is now off for customer {reference}; they will get an email saying so.", await console.FlipAsync("Marketing by SMS"));
            await Expect(console.Switch("Marketing by SMS")).Not.ToBeCheckedAsync();
        }

        var customerPage = await DemoCustomerSession.NewPageAsync(browser, app);
        await using (customerPage.Context)
        {
            var history = await new HistoryPage(customerPage, app).OpenAsync();
            var entry = history.Entries.Filter(new() { HasText = "Our support team turned off Marketing by SMS at your request by phone" }).First;
            await Expect(entry).ToContainTextAsync($"(reason: {Reason})");
        }

        using var mail = await MailPickup.SingleMessageToAsync(app.PickupDirectory, DemoCustomer.Email, "We changed your preferences at your request");
        Assert.StartsWith("Our support team turned off Marketing by SMS at your request by phone — ", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(app.Url("history"), MailPickup.LinkTo(mail, "/history").AbsoluteUri);
    }

    /// <summary>A customer of its own: the demo customer is shared by every test on this app host and must keep no open request.</summary>
    [Fact]
    public async Task The_agent_files_an_erasure_request_for_a_caller_who_then_gets_the_link_and_sees_it_in_history()
    {
        var email = $"call-{Guid.NewGuid():N}@example.com";
        const string password = "Forget!Me42";
        const string identityChecked = "Asked to be forgotten; identity checked by a call back to the number on file";
        var customerPage = await browser.NewPageAsync();
        await using var customerContext = customerPage.Context;
        await (await new RegisterPage(customerPage, app).OpenAsync()).RegisterAsync(email, password);
        using (var welcome = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email))
        {
            await customerPage.GotoAsync(MailPickup.LinkTo(welcome, "/Account/ConfirmEmail").AbsoluteUri);
        }

        var agentPage = await DemoSupportSession.NewPageAsync(browser, app);
        await using (agentPage.Context)
        {
            var console = await new SupportConsolePage(agentPage, app).OpenAsync();
            await console.FindAsync(email);
            await console.OpenFoundCustomerAsync();
            await Expect(console.ErasurePanel).ToContainTextAsync("No erasure request is open.");

            await console.StartActingAsync("By phone", identityChecked);
            Assert.StartsWith("Erasure request filed for PC-", await console.FileErasureAsync(), StringComparison.Ordinal);
            await Expect(console.ErasurePanel).ToContainTextAsync("Waiting for the customer's email confirmation");
        }

        using (var confirmation = await MailPickup.SingleMessageToAsync(app.PickupDirectory, email, "Confirm the erasure request our support team filed for you"))
        {
            Assert.Contains("our support team filed a request to erase your personal data", confirmation.TextBody, StringComparison.Ordinal);
            MailPickup.LinkTo(confirmation, "/forget-me/confirm");
        }

        await (await new LoginPage(customerPage, app).OpenAsync()).SignInAsync(email, password);
        var history = await new HistoryPage(customerPage, app).OpenAsync();
        var entry = history.Entries.Filter(new() { HasText = "Our support team asked for your data to be erased at your request by phone" }).First;
        await Expect(entry).ToContainTextAsync($"(reason: {identityChecked})");
    }

    private async Task<(Guid Id, string Reference)> DemoCustomerAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        // Through the blind index: the sign-in row holds the email sealed.
        var demoId = await app.Services.GetRequiredService<CustomerLookup>().FindByEmailAsync(DemoCustomer.Email);
        var customer = await db.Customers.SingleAsync(c => c.Id == demoId);
        return (customer.Id, customer.Reference);
    }

    // The customer's own switch-on, through the service, so the agent has something to switch off.
    private async Task EnsureMarketingBySmsIsOnAsync(Guid customerId)
    {
        var consents = app.Services.GetRequiredService<ConsentService>();
        var cell = (await consents.GetCellsAsync(customerId)).GetValueOrDefault(("marketing", Channel.Sms));
        var result = await consents.SetAsync(new ConsentChange(
            customerId, "marketing", Channel.Sms, true, cell?.Version ?? 0, Actor.Customer(customerId), ChangeSource.Web));
        Assert.True(result.Succeeded, result.Message);
    }
}
