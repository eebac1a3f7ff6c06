using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.Support;

/// <summary>Console component tests: the real support services over <see cref="SupportFixture"/>'s database, a signed-in agent.</summary>
public abstract class SupportPageTestBase : ComponentTestBase
{
    private SupportFixture? fixture;

    protected SupportFixture Fixture => fixture ?? throw new InvalidOperationException("Call SignInAgentAsync first.");

    protected async Task SignInAgentAsync()
    {
        fixture = await SupportFixture.CreateAsync();
        SupportFixture.AddSupportServices(Services, fixture.Database, fixture.Clock, fixture.PickupDirectory, requireStaffTwoFactor: true);
        var auth = AddAuthorization();
        auth.SetAuthorized(DemoSupport.Email);
        auth.SetRoles(Roles.Support);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, SupportFixture.AgentUserId), new Claim(StaffClaims.TwoFactorEnabled, "true"));
        auth.SetPolicies(Policies.SupportAgent);
        // As on a live circuit; set last, because it builds the service provider.
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    protected override ValueTask CleanUpAsync() => fixture?.DisposeAsync() ?? ValueTask.CompletedTask;
}
