using System.Net;
using System.Net.Http.Headers;
using PreferenceCenter.Features.Api.Clients;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.Features.Api;

/// <summary>Every endpoint × every way a key can be wrong: 401 or 403, a problem document, and nothing written.</summary>
public sealed class ApiAuthenticationTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    public static TheoryData<string> Endpoints() => [.. ApiCall.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithTheRightScope_Answers200(string endpoint)
    {
        var call = ApiCall.All.Single(c => c.Name == endpoint);
        var key = await app.KeyAsync(call.Scope ?? ApiScopes.Decisions);

        using var response = await app.Http(key).SendAsync(call.Request(await ReferenceAsync()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithoutAKey_Answers401AndWritesNothing(string endpoint) =>
        await AssertRefusedAsync(endpoint, null, HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithAWrongKey_Answers401AndWritesNothing(string endpoint)
    {
        var real = await app.KeyAsync(ApiScopes.All.ToArray());
        // The right client id with another secret: the id alone must never be enough.
        var forged = real[..(ApiKey.Prefix.Length + 33)] + new string('A', 43);

        await AssertRefusedAsync(endpoint, forged, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithAMalformedKey_Answers401AndWritesNothing(string endpoint) =>
        await AssertRefusedAsync(endpoint, "pck_not-a-key", HttpStatusCode.Unauthorized);

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithARevokedKey_Answers401AndWritesNothing(string endpoint)
    {
        var created = await app.ClientAsync(1000, [.. ApiScopes.All]);
        await app.ClientService.RevokeAsync(created.Client!.Id, ApiAppFixture.Officer);

        await AssertRefusedAsync(endpoint, created.Key, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task WithoutTheScope_Answers403AndWritesNothing(string endpoint)
    {
        var call = ApiCall.All.Single(c => c.Name == endpoint);
        if (call.Scope is null)
        {
            return; // any valid key may ask who it is
        }

        var others = ApiScopes.All.Where(s => s != call.Scope).ToArray();
        await AssertRefusedAsync(endpoint, await app.KeyAsync(others), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AnOldKeyWorksDuringItsGracePeriod_AndNotWhenRotatedWithNone()
    {
        var created = await app.ClientAsync(1000, ApiScopes.Decisions);
        var withGrace = await app.ClientService.RotateAsync(created.Client!.Id, TimeSpan.FromHours(1), ApiAppFixture.Officer);

        Assert.Equal(HttpStatusCode.OK, (await app.Http(created.Key).GetAsync("api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http(withGrace.Key).GetAsync("api/v1/me")).StatusCode);

        var withNone = await app.ClientService.RotateAsync(created.Client.Id, TimeSpan.Zero, ApiAppFixture.Officer);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Http(withGrace.Key).GetAsync("api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Http(withNone.Key).GetAsync("api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task ASignedInBrowserCookie_IsNoKey()
    {
        using var response = await app.Http().SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/v1/me")
        {
            Headers = { Authorization = new AuthenticationHeaderValue("Basic", "b2ZmaWNlckBleGFtcGxlLmNvbTpEZW1vITIzNDU=") },
        });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private async Task AssertRefusedAsync(string endpoint, string? key, HttpStatusCode expected)
    {
        var call = ApiCall.All.Single(c => c.Name == endpoint);
        var reference = await ReferenceAsync();
        var before = await app.LedgerCountAsync();

        using var response = await app.Http(key).SendAsync(call.Request(reference));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        }

        Assert.Equal(before, await app.LedgerCountAsync());
    }

    private async Task<string> ReferenceAsync() => (await app.CustomerAsync(("marketing", Channel.Sms), ("profiling", Channel.Email))).Reference;
}
