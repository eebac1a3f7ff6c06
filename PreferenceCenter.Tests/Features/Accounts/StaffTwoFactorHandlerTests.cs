using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using PreferenceCenter.Features.Accounts;
using PreferenceCenter.Tests.Features.Support;

namespace PreferenceCenter.Tests.Features.Accounts;

public sealed class StaffTwoFactorHandlerTests
{
    [Theory]
    [InlineData(true, true, true)]
    [InlineData(true, false, false)]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    public async Task Handle_MeetsTheRequirementOnlyWithTwoFactorOnOrWhenNotRequired(bool required, bool twoFactor, bool met)
    {
        var requirement = new StaffTwoFactorRequirement();
        var context = new AuthorizationHandlerContext([requirement], SupportFixture.Staff(twoFactor: twoFactor), resource: null);

        await new StaffTwoFactorHandler(Options.Create(new SecurityOptions { RequireStaffTwoFactor = required })).HandleAsync(context);

        Assert.Equal(met, context.HasSucceeded);
    }

    [Fact]
    public void SecurityOptions_RequireTwoFactorUnlessConfiguredOtherwise() => Assert.True(new SecurityOptions().RequireStaffTwoFactor);
}
