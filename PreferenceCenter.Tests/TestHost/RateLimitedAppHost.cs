using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>
/// The development app with low rate limits (<see cref="TestRateLimits.Low"/>), a hasher that counts its checks, and
/// one trusted proxy, <see cref="Proxy"/>, whose X-Forwarded-For the app believes (a load balancer in front).
/// </summary>
public sealed class RateLimitedAppHost : AppHost
{
    public static readonly IPAddress Proxy = IPAddress.Parse("127.0.0.10");

    public CountingPasswordHasher.Checks PasswordChecks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        foreach (var (name, value) in TestRateLimits.Low)
        {
            builder.UseSetting(name, value);
        }

        builder.UseSetting("Network:TrustedProxies:0", Proxy.ToString());

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(PasswordChecks);
            services.AddScoped<IPasswordHasher<ApplicationUser>, CountingPasswordHasher>();
        });
    }
}
