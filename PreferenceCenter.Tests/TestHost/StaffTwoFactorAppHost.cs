using Microsoft.AspNetCore.Hosting;

namespace PreferenceCenter.Tests.TestHost;

/// <summary>The development app (demo accounts and all) with staff two-factor sign-in required, as everywhere outside Development.</summary>
public sealed class StaffTwoFactorAppHost : AppHost
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Security:RequireStaffTwoFactor", "true");
    }
}
