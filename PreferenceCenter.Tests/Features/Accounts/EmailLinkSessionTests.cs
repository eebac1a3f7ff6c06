using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Tests.Features.Accounts;

/// <summary>A session opened from an emailed link: changes consents, never counts as a password sign-in, ends on time.</summary>
public sealed class EmailLinkSessionTests
{
    private static readonly DateTimeOffset Ends = new(2026, 12, 5, 14, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal SignedIn(bool byLink)
    {
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "user-1")], "Identity.Application"));
        if (byLink)
        {
            EmailLinkSession.Mark(principal, Ends);
        }

        return principal;
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task PasswordSignIn_IsMetByAPasswordSession_NotByOneAnEmailedLinkOpened(bool byLink, bool met)
    {
        var requirement = new PasswordSignInRequirement();
        var context = new AuthorizationHandlerContext([requirement], SignedIn(byLink), resource: null);

        await requirement.HandleAsync(context);

        Assert.Equal(met, context.HasSucceeded);
    }

    [Fact]
    public async Task PasswordSignIn_IsNotMetByAnonymous()
    {
        var requirement = new PasswordSignInRequirement();
        var context = new AuthorizationHandlerContext([requirement], new ClaimsPrincipal(new ClaimsIdentity()), resource: null);

        await requirement.HandleAsync(context);

        Assert.False(context.HasSucceeded);
    }

    [Fact]
    public void TheMark_SaysWhenTheSessionEnds_AndItIsCurrentUntilThen()
    {
        var principal = SignedIn(byLink: true);

        Assert.Equal(Ends, principal.EmailLinkSessionEnds());
        Assert.True(EmailLinkSession.IsCurrent(principal, Ends.AddTicks(-1)));
        Assert.False(EmailLinkSession.IsCurrent(principal, Ends));
        Assert.True(EmailLinkSession.IsCurrent(SignedIn(byLink: false), Ends.AddYears(1)));
    }

    [Fact]
    public async Task RefreshingThePrincipal_KeepsTheMark_SoTheSessionIsNeverPromotedToAPasswordSignIn()
    {
        var fresh = SignedIn(byLink: false);
        var context = new SecurityStampRefreshingPrincipalContext { CurrentPrincipal = SignedIn(byLink: true), NewPrincipal = fresh };

        await EmailLinkSession.CarryOver(context);

        Assert.True(fresh.IsSignedInByEmailLink());
        Assert.Equal(Ends, fresh.EmailLinkSessionEnds());
    }
}
