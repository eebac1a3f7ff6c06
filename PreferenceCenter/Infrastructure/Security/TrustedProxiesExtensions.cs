using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Behind a load balancer every request comes from the balancer's address, so the per-client limits would put every
/// customer in one bucket. <c>Network:TrustedProxies</c> names the balancers whose <c>X-Forwarded-For</c> and
/// <c>X-Forwarded-Proto</c> the app believes; from anyone else those headers are ignored, so a script cannot pick its
/// own address to escape a limit. Empty (the default): no proxy is trusted, not even loopback.
/// </summary>
public static class TrustedProxiesExtensions
{
    public const string Section = "Network:TrustedProxies";

    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var proxies = Parse(configuration.GetSection(Section).Get<string[]>() ?? []);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the operator named counts.
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }

            // One balancer in front: the address it saw is the last one in the header, and that one is the client.
            options.ForwardLimit = 1;
        });
        return services;
    }

    /// <summary>First in the pipeline, so limits, logs and HTTPS redirection see the customer's address and scheme.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();

    private static List<IPAddress> Parse(IEnumerable<string> configured)
    {
        var proxies = new List<IPAddress>();
        foreach (var (text, index) in configured.Select((t, i) => (t, i)))
        {
            if (!IPAddress.TryParse(text?.Trim(), out var address))
            {
                throw new InvalidOperationException($"{Section}:{index} is '{text}': it must be an IP address, such as 127.0.0.1 or 10.0.0.5.");
            }

            proxies.Add(address);
        }

        return proxies;
    }
}
