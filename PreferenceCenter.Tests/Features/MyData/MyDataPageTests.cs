using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.MyData;
using PreferenceCenter.Features.Preferences.Admin;
using PreferenceCenter.Features.Preferences.Questionnaire;
using PreferenceCenter.Tests.Features.Erasure;
using PreferenceCenter.Tests.Features.Preferences;

namespace PreferenceCenter.Tests.Features.MyData;

/// <summary>/my-data on screen: what the signed-in customer sees of the export, and the download beside it.</summary>
public sealed class MyDataPageTests : ErasurePageTestBase
{
    private static string Fact(AngleSharp.Dom.IElement facts, string term) =>
        facts.QuerySelectorAll("dt").Single(dt => dt.TextContent == term).NextElementSibling!.TextContent.Trim();

    private static IRenderedComponent<MyDataPage> Loaded(IRenderedComponent<MyDataPage> cut)
    {
        cut.WaitForAssertion(() => Assert.DoesNotContain("Loading", cut.Markup, StringComparison.Ordinal));
        return cut;
    }

    [Fact]
    public async Task Render_ACustomerWithAConsentAndAnAnswer_ShowsTheConsentRecordTheAnswerAndTheDownload()
    {
        await SignInCustomerAsync();
        var me = Actor.Customer(CustomerId);
        var granted = await Services.GetRequiredService<ConsentService>().SetAsync(
            new ConsentChange(CustomerId, "profiling", Channel.Email, true, 0, me, ChangeSource.Web));
        Assert.Equal(ConsentChangeOutcome.Saved, granted.Outcome);
        var question = await Services.GetRequiredService<QuestionAdminService>().SaveAsync(QuestionSamples.FreeText(), Actor.Staff(OfficerUserId));
        await Services.GetRequiredService<AnswerService>().AnswerAsync(CustomerId, question.Id!.Value, AnswerInput.Write("I like long walks"), 0, me, ChangeSource.Web);

        var cut = Loaded(Render<MyDataPage>());

        var consent = cut.Find("article.my-data__consent");
        Assert.Equal("Profiling by email", consent.QuerySelector("h3")!.TextContent);
        Assert.Equal(consent.QuerySelector("h3")!.Id, consent.GetAttribute("aria-labelledby"));
        Assert.StartsWith("given until ", Fact(consent, "Now"), StringComparison.Ordinal);
        Assert.Contains("given — on this website, by you", Assert.Single(consent.QuerySelectorAll(".my-data__events li")).TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("You have not given or refused any consent yet.", cut.Markup, StringComparison.Ordinal);

        var answers = cut.Find("section[aria-labelledby=my-data-answers]");
        Assert.Equal("Anything else we should know?", Assert.Single(answers.QuerySelectorAll("dt")).TextContent);
        Assert.StartsWith("I like long walks", Fact(answers, "Anything else we should know?"), StringComparison.Ordinal);

        var download = cut.Find(".my-data__actions a");
        Assert.Equal("Download my data (JSON)", download.TextContent);
        Assert.Equal("my-data/download", download.GetAttribute("href"));
        Assert.True(download.HasAttribute("download"));
        Assert.Equal(ErasureServices.Name, Fact(cut.Find("section[aria-labelledby=my-data-profile]"), "Name"));
    }

    [Fact]
    public async Task Render_ACustomerWhoHasDoneNothingYet_SaysSoInEachSection_AndStillOffersTheDownload()
    {
        await SignInCustomerAsync();

        var cut = Loaded(Render<MyDataPage>());

        Assert.Empty(cut.FindAll("article.my-data__consent"));
        Assert.Equal("You have not given or refused any consent yet.", cut.Find("section[aria-labelledby=my-data-consents] p").TextContent);
        Assert.Equal("You have not answered any question.", cut.Find("section[aria-labelledby=my-data-answers] p").TextContent);
        Assert.Equal("No limits set: we contact you as things happen.", cut.Find("section[aria-labelledby=my-data-rules] p").TextContent);
        Assert.Equal("You have not sent any feedback.", cut.Find("section[aria-labelledby=my-data-feedback] p").TextContent);
        Assert.Equal("You have not asked us to erase your data.", cut.Find("section[aria-labelledby=my-data-erasure] p").TextContent);
        Assert.Equal("Download my data (JSON)", cut.Find(".my-data__actions a[download]").TextContent);
        Assert.DoesNotContain("We hold no data about you.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_ACustomerNoLongerHeld_SaysWeHoldNoData_AndOffersNoDownload()
    {
        await SignInCustomerAsync();
        await using (var db = await Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Customers.Where(c => c.Id == CustomerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CustomerStatus.Erased));
        }

        var cut = Loaded(Render<MyDataPage>());

        Assert.Single(cut.FindAll("p"), p => p.TextContent == "We hold no data about you.");
        Assert.Empty(cut.FindAll("a[download]"));
        Assert.Empty(cut.FindAll("section"));
    }
}
