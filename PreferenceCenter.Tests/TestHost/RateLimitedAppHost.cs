using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PreferenceCenter.Features.Common;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>The development app with low rate limits (<see cref="TestRateLimits.Low"/>) and a hasher that counts its checks.</summary>
public sealed class RateLimitedAppHost : AppHost
{
    public CountingPasswordHasher.Checks PasswordChecks { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.ConfigureWebHost(builder);
        foreach (var (name, value) in TestRateLimits.Low)
        {
            builder.UseSetting(name, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(PasswordChecks);
            services.AddScoped<IPasswordHasher<ApplicationUser>, CountingPasswordHasher>();
        });
    }
}
