using Bunit;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Support;

namespace PreferenceCenter.Tests.Features.Support;

public sealed class SupportSearchPageTests : SupportPageTestBase
{
    private static async Task SearchAsync(IRenderedComponent<SupportSearchPage> cut, string typed)
    {
        await cut.Find("#support-query").ChangeAsync(new ChangeEventArgs { Value = typed });
        await cut.Find("form").SubmitAsync();
    }

    [Fact]
    public async Task Search_WithAPartialIdentifier_SaysSoByTheFieldAndShowsNobody()
    {
        await SignInAgentAsync();
        var cut = Render<SupportSearchPage>();

        await SearchAsync(cut, "mario.rossi@");

        cut.WaitForAssertion(() => Assert.StartsWith("That is not a full identifier.", cut.Find("#support-query-problem").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Contains("support-query-problem", cut.Find("#support-query").GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.Empty(cut.FindAll(".support-card"));
        Assert.Empty(await Fixture.LedgerAsync());
    }

    [Fact]
    public async Task Search_WithAWildcard_IsRefusedWithItsOwnMessage()
    {
        await SignInAgentAsync();
        var cut = Render<SupportSearchPage>();

        await SearchAsync(cut, "mario*");

        cut.WaitForAssertion(() => Assert.StartsWith("Wildcards (*, %, ?, _) are not allowed", cut.Find("#support-query-problem").TextContent.Trim(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_WithAFullEmail_ShowsTheCustomerMaskedWithALinkToOpenThem()
    {
        await SignInAgentAsync();
        var cut = Render<SupportSearchPage>();

        await SearchAsync(cut, SupportFixture.MarioEmail);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".support-card")));
        var card = cut.Find(".support-card");
        Assert.Equal($"support/customers/{Fixture.MarioReference}", card.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(["m•••@e•••.com", "+39 ••• ••• •12", "Active"], card.QuerySelectorAll("dd").Select(d => d.TextContent.Trim()));
        // The agent's own typing stays in the box; what the console shows of the customer is masked.
        Assert.DoesNotContain("rossi", card.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("4512", card.OuterHtml, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#support-query-problem"));
    }
}
