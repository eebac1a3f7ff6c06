using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.EndToEnd.Pages;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>
/// Pages that only show text, links and plain forms render once on the server: no <c>_blazor</c> negotiation and no
/// WebSocket, so a reader holds no circuit (and no server memory) while they read. The last test proves the probe
/// sees a circuit where there is one.
/// </summary>
[Collection(EndToEndGroup.Name)]
public sealed class StaticPagesOpenNoCircuitTests(AppHost app, BrowserFixture browser)
{
    [Theory]
    [InlineData("")]
    [InlineData("privacy")]
    [InlineData("not-found")]
    [InlineData("Account/Login")]
    [InlineData("Account/Register")]
    [InlineData("Account/ForgotPassword")]
    [InlineData("Account/ResendEmailConfirmation")]
    [InlineData("Account/Lockout")]
    [InlineData("forget-me/confirm?token=not-a-valid-token")]
    [InlineData("u/not-a-token")]
    public async Task A_page_for_anyone_opens_no_circuit(string path)
    {
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        Assert.Empty(await CircuitRequestsAsync(page, path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("privacy")]
    [InlineData("Account/Manage")]
    [InlineData("Account/Manage/Email")]
    public async Task A_text_page_for_a_signed_in_customer_opens_no_circuit(string path)
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        Assert.Empty(await CircuitRequestsAsync(page, path));
    }

    [Theory]
    [InlineData("confirm/{Token}", LinkPurpose.ConfirmOptIn)]
    [InlineData("renew/{Token}", LinkPurpose.Renew)]
    [InlineData("u/{Token}", LinkPurpose.Unsubscribe)]
    [InlineData("m/{Token}", LinkPurpose.ManagePreferences)]
    public async Task An_emailed_link_page_with_a_valid_link_opens_no_circuit(string path, LinkPurpose purpose)
    {
        var token = purpose is LinkPurpose.Unsubscribe or LinkPurpose.ManagePreferences
            ? app.Services.GetRequiredService<LinkTokens>().Create(purpose, Guid.NewGuid(), "marketing", Channel.Email, TimeSpan.FromDays(1))
            : await LinkPageState.TokenAsync(app, purpose);
        var page = await browser.NewPageAsync();
        await using var context = page.Context;
        Assert.Empty(await CircuitRequestsAsync(page, path.Replace("{Token}", token, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_preferences_page_does_open_one_so_the_probe_sees_circuits()
    {
        var page = await DemoCustomerSession.NewPageAsync(browser, app);
        await using var context = page.Context;
        Assert.NotEmpty(await CircuitRequestsAsync(page, "preferences"));
    }

    // Every request for Blazor's hub (negotiate, the WebSocket, long polling) while the page loads and settles.
    private async Task<List<string>> CircuitRequestsAsync(IPage page, string path)
    {
        var seen = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/_blazor", StringComparison.Ordinal))
            {
                lock (seen)
                {
                    seen.Add(request.Url);
                }
            }
        };
        page.WebSocket += (_, socket) =>
        {
            lock (seen)
            {
                seen.Add(socket.Url);
            }
        };
        await page.GotoAsync(app.Url(path), new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).First.WaitForAsync();
        lock (seen)
        {
            return [.. seen];
        }
    }
}
