using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

[Collection(EndToEndGroup.Name)]
public sealed class UnsubscribeJourneyTests(AppHost app, BrowserFixture browser)
{
    [Fact]
    public async Task From_an_email_link_a_customer_asks_for_less_email_says_why_then_unsubscribes_from_that_one_consent()
    {
        var customer = await app.NewCustomerAsync(("marketing", Channel.Email), ("marketing", Channel.Sms));
        var token = app.Services.GetRequiredService<LinkTokens>()
            .Create(LinkPurpose.Unsubscribe, customer, "marketing", Channel.Email, TimeSpan.FromDays(30));
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        var link = await new UnsubscribeLinkPage(page, app).OpenAsync(token);

        Assert.Equal("Done: we will write less often about Marketing by email.", await link.ChooseAsync("Email me less often"));
        Assert.Equal("Thank you for telling us.", await link.GiveReasonAsync("You write too often"));
        Assert.Equal("Done: you are unsubscribed from Marketing by email.", await link.ChooseAsync("Unsubscribe from Marketing by email"));

        var cells = await app.Services.GetRequiredService<ConsentService>().GetCellsAsync(customer);
        Assert.False(cells[("marketing", Channel.Email)].IsOn);
        Assert.True(cells[("marketing", Channel.Sms)].IsOn);
        var rules = await app.Services.GetRequiredService<ContactRulesService>().GetAsync(customer);
        Assert.Equal(ContactFrequency.WeeklyDigest, rules[Channel.Email].Frequency);
    }
}
