using System.Net;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Data;

/// <summary>
/// <c>GET /health</c> over real HTTP: the balancer (loopback, or a trusted proxy's own request) reads whether this
/// instance reaches its database; a customer's request through the balancer, or anyone else, finds nothing there.
/// </summary>
public sealed class DatabaseHealthEndpointTests(RateLimitedAppHost app) : IClassFixture<RateLimitedAppHost>
{
    [Fact]
    public async Task The_balancer_reads_healthy_and_nothing_is_cached()
    {
        using var balancer = new SignInClient(app.BaseAddress, RateLimitedAppHost.Proxy);

        using var response = await balancer.GetAsync("health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.True(response.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task A_customers_request_forwarded_by_the_balancer_finds_no_health_endpoint()
    {
        using var balancer = new SignInClient(app.BaseAddress, RateLimitedAppHost.Proxy);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("health", UriKind.Relative));
        request.Headers.Add("X-Forwarded-For", "203.0.113.20");

        using var response = await balancer.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Healthy", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
