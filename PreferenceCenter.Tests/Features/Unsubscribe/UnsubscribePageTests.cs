using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Features.Preferences;
using PreferenceCenter.Features.Preferences.ContactRules;
using PreferenceCenter.Features.Unsubscribe;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Unsubscribe;

public sealed class UnsubscribePageTests : PageTestBase
{
    private LinkTokens Tokens => Services.GetRequiredService<LinkTokens>();

    private async Task<IRenderedComponent<UnsubscribePage>> RenderAsync(Func<LinkTokens, string> token, string? done = null)
    {
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<LinkTokens>();
        Services.AddSingleton<AntiforgeryStateProvider>(new FixedAntiforgery());
        await SignInCustomerAsync(); // last: it builds the service provider
        var value = token(Tokens);
        var query = done is null ? string.Empty : $"?done={done}";
        Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo($"u/{value}{query}");
        return Loaded(Render<UnsubscribePage>(p => p.Add(x => x.Token, value)));
    }

    // Static rendering sends the page once its queries are done; bUnit draws it at the first await, which on a store
    // that truly awaits (PostgreSQL) comes before the consent's name is known. Every valid link here is for Marketing.
    private static IRenderedComponent<UnsubscribePage> Loaded(IRenderedComponent<UnsubscribePage> page)
    {
        page.WaitForState(() => page.FindAll(".unsubscribe-problem").Count > 0 || page.Markup.Contains("about Marketing by", StringComparison.Ordinal));
        return page;
    }

    private string Link(LinkTokens tokens) => tokens.Create(LinkPurpose.Unsubscribe, CustomerId, "marketing", Channel.Sms, TimeSpan.FromDays(30));

    [Fact]
    public async Task ValidLink_OffersTheGentlerChoicesBeforeUnsubscribing_EachAFormPostToChoose()
    {
        var page = await RenderAsync(Link);

        var buttons = page.FindAll("form.unsubscribe-choices button[name=choice]");
        Assert.Equal(["LessOften", "Pause", "Unsubscribe", "Everything"], buttons.Select(b => b.GetAttribute("value")));
        Assert.Equal("Unsubscribe from Marketing by SMS", buttons[2].TextContent.Trim());
        Assert.EndsWith("/choose", page.Find("form.unsubscribe-choices").GetAttribute("action"), StringComparison.Ordinal);
        Assert.Equal("post", page.Find("form.unsubscribe-choices").GetAttribute("method"));
        Assert.Equal("preferences", page.Find("a[href=preferences]").GetAttribute("href"));
        Assert.Empty(page.Find("[role=status]").TextContent.Trim());
    }

    [Fact]
    public async Task ValidLink_WhereWeAlreadyWriteMonthly_OffersNoLessOften_AndSaysWhy()
    {
        var token = string.Empty;
        var first = await RenderAsync(tokens => token = Link(tokens));
        Assert.Contains("LessOften", first.Markup, StringComparison.Ordinal);
        var monthly = await ContactRules.SetFrequencyAsync(
            CustomerId, Channel.Sms, ContactFrequency.Monthly, ContactFrequency.AsItHappens, Actor.Customer(CustomerId), ChangeSource.Web);
        Assert.Equal(PreferenceChangeOutcome.Saved, monthly.Outcome);

        var page = Loaded(Render<UnsubscribePage>(p => p.Add(x => x.Token, token)));

        // The contact rules are read after the consent's name: wait for them too.
        page.WaitForAssertion(() => Assert.Equal(["Pause", "Unsubscribe", "Everything"], page.FindAll("form.unsubscribe-choices button[name=choice]").Select(b => b.GetAttribute("value"))));
        Assert.Contains("We already write to you at most once a month about Marketing by SMS", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ValidLink_AsksWhyWithFourStructuredReasons_AndNoFreeText()
    {
        var page = await RenderAsync(Link);

        var reasons = page.FindAll("input[type=radio][name=reason]");
        Assert.Equal(["TooOften", "NotRelevant", "NeverSignedUp", "Other"], reasons.Select(r => r.GetAttribute("value")));
        Assert.All(reasons, r => Assert.NotNull(page.Find($"label[for={r.Id}]")));
        Assert.Empty(page.FindAll("textarea, input[type=text]"));
        Assert.EndsWith("/reason", page.FindAll("form")[1].GetAttribute("action"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Unsubscribe", "Done: you are unsubscribed from Marketing by SMS.")]
    [InlineData("Pause", "Done: we will not write on this channel for 3 months.")]
    [InlineData("Reason", "Thank you for telling us.")]
    public async Task AfterAChoice_TheStatusRegionSaysWhatWasDone(string done, string expected)
    {
        var page = await RenderAsync(Link, done);

        Assert.Equal(expected, page.Find("[role=status]").TextContent.Trim());
    }

    [Fact]
    public async Task UnknownDoneValue_SaysNothing()
    {
        var page = await RenderAsync(Link, "3");

        Assert.Empty(page.Find("[role=status]").TextContent.Trim());
    }

    [Fact]
    public async Task ExpiredLink_SaysSoAndOffersNoChoices()
    {
        var page = await RenderAsync(tokens =>
        {
            var token = tokens.Create(LinkPurpose.Unsubscribe, CustomerId, "marketing", Channel.Email, TimeSpan.FromDays(1));
            Clock.Advance(TimeSpan.FromDays(2));
            return token;
        });

        Assert.Equal("This link cannot be used", page.Find("h1").TextContent);
        Assert.Contains("has expired", page.Find(".unsubscribe-problem").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form"));
    }

    private sealed class FixedAntiforgery : AntiforgeryStateProvider
    {
        public override AntiforgeryRequestToken GetAntiforgeryToken() => new("test-token", "__RequestVerificationToken");
    }
}
