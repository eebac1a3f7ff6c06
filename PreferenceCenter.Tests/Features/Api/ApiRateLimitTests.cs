using System.Net;
using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Tests.Features.Api;

public sealed class ApiRateLimitTests(ApiAppFixture app) : IClassFixture<ApiAppFixture>
{
    [Fact]
    public async Task PastItsLimit_AClientGets429WithRetryAfter_AndAnotherClientIsUntouched()
    {
        var limited = await app.ClientAsync(2, ApiScopes.Decisions);
        var other = await app.ClientAsync(2, ApiScopes.Decisions);
        var http = app.Http(limited.Key);

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v1/me")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("api/v1/me")).StatusCode);
        using var third = await http.GetAsync("api/v1/me");

        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
        Assert.Equal("application/problem+json", third.Content.Headers.ContentType?.MediaType);
        Assert.InRange(third.Headers.RetryAfter!.Delta!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await app.Http(other.Key).GetAsync("api/v1/me")).StatusCode);
    }
}
