using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Tests.Features.Accounts;

/// <summary>
/// The sign-in cookie's security stamp check resolves Identity's validator (and with it the user manager, the store and
/// a database context) only when the check is due, so a page's long-lived WebSocket request does not hold them.
/// </summary>
public sealed class SecurityStampCheckWhenDueTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(10, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    public async Task TheValidator_IsResolvedAndRun_OnlyOnceTheIntervalHasPassed(int minutesSinceIssued, bool due)
    {
        var validator = new RecordingValidator();
        var context = Context(validator, Now.AddMinutes(-minutesSinceIssued));

        await SecurityStampCheckWhenDue.ValidatePrincipalAsync(context);

        Assert.Equal(due ? 1 : 0, validator.Resolved);
        Assert.Equal(due ? 1 : 0, validator.Validated);
    }

    [Fact]
    public async Task ACookieWithoutAnIssueTime_IsAlwaysChecked()
    {
        var validator = new RecordingValidator();

        await SecurityStampCheckWhenDue.ValidatePrincipalAsync(Context(validator, issued: null));

        Assert.Equal(1, validator.Validated);
    }

    [Fact]
    public void TheAppsSignInCookie_UsesIt()
    {
        var services = new ServiceCollection().AddLogging().AddAccounts().BuildServiceProvider();
        var cookie = services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        Assert.Equal(SecurityStampCheckWhenDue.ValidatePrincipalAsync, cookie.Events.OnValidatePrincipal);
    }

    private static CookieValidatePrincipalContext Context(RecordingValidator validator, DateTimeOffset? issued)
    {
        var services = new ServiceCollection()
            .Configure<SecurityStampValidatorOptions>(o => (o.TimeProvider, o.ValidationInterval) = (new FakeTimeProvider(Now), TimeSpan.FromMinutes(30)))
            .AddScoped<ISecurityStampValidator>(_ => validator.Resolve())
            .BuildServiceProvider();
        var http = new DefaultHttpContext { RequestServices = services };
        var scheme = new AuthenticationScheme(IdentityConstants.ApplicationScheme, null, typeof(CookieAuthenticationHandler));
        var ticket = new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity("test")), new AuthenticationProperties { IssuedUtc = issued }, scheme.Name);
        return new CookieValidatePrincipalContext(http, scheme, new CookieAuthenticationOptions(), ticket);
    }

    private sealed class RecordingValidator : ISecurityStampValidator
    {
        public int Resolved { get; private set; }
        public int Validated { get; private set; }

        public RecordingValidator Resolve()
        {
            Resolved++;
            return this;
        }

        public Task ValidateAsync(CookieValidatePrincipalContext context)
        {
            Validated++;
            return Task.CompletedTask;
        }
    }
}
