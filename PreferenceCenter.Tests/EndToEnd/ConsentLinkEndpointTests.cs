using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Data;
using PreferenceCenter.Features.Consents;
using PreferenceCenter.Features.Messaging.Links;
using PreferenceCenter.Tests.Features.Consents.Lifecycle;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.EndToEnd;

/// <summary>The emailed links over plain HTTP, as a mail scanner or a browser without cookies would follow them.</summary>
[Collection(EndToEndGroup.Name)]
public sealed class ConsentLinkEndpointTests(AppHost app)
{
    [Theory]
    [InlineData("confirm", LinkPurpose.ConfirmOptIn, "Press the button to confirm")]
    [InlineData("renew", LinkPurpose.Renew, "Press the button to keep it for another period")]
    public async Task A_GET_shows_the_button_and_changes_nothing(string path, LinkPurpose purpose, string offer)
    {
        var token = await LinkPageState.TokenAsync(app, purpose);
        var before = await ConsentsAsync();
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"{path}/{token}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(offer, html, StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", html, StringComparison.Ordinal);
        Assert.Equal(before, await ConsentsAsync());
    }

    [Theory]
    [InlineData("confirm", LinkPurpose.ConfirmOptIn)]
    [InlineData("renew", LinkPurpose.Renew)]
    public async Task An_expired_link_is_410_with_a_clear_page(string path, LinkPurpose purpose)
    {
        var token = await LinkPageState.TokenAsync(app, purpose, lifetime: TimeSpan.FromMilliseconds(1));
        await Task.Delay(20);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"{path}/{token}");

        Assert.Equal(HttpStatusCode.Gone, response.StatusCode);
        Assert.Contains("link has expired. Nothing has changed.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("confirm", "not-a-token-at-all")]
    [InlineData("renew", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task A_tampered_link_is_400_with_a_clear_page(string path, string token)
    {
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"{path}/{token}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("This link is not valid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_link_made_for_another_purpose_is_400()
    {
        var confirmToken = await LinkPageState.TokenAsync(app, LinkPurpose.ConfirmOptIn);
        using var client = new HttpClient { BaseAddress = app.BaseAddress };

        using var response = await client.GetAsync($"renew/{confirmToken}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<List<(ConsentState, int)>> ConsentsAsync()
    {
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var rows = await db.Consents.OrderBy(c => c.Id).Select(c => new { c.State, c.Version }).ToListAsync();
        return [.. rows.Select(r => (r.State, r.Version))];
    }
}
