using PreferenceCenter.Infrastructure.RateLimiting;

namespace PreferenceCenter.Tests.Infrastructure.RateLimiting;

public sealed class RateLimitOptionsValidatorTests
{
    private static readonly RateLimitOptionsValidator Validator = new();

    [Fact]
    public void TheDefaults_AreValid() => Assert.True(Validator.Validate(null, new RateLimitOptions()).Succeeded);

    [Fact]
    public void EachUnworkableLimit_IsNamedBySetting()
    {
        var options = new RateLimitOptions { AccountMailsPerAddressPerHour = 0 };
        options.SignIn.PerClient!.Permits = 0;
        options.AccountMail.PerTarget!.Window = TimeSpan.FromDays(2);
        options.EmailedLink.PerClient!.Window = TimeSpan.Zero;

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Equal(
            ["RateLimits:SignIn:PerClient:Permits", "RateLimits:AccountMail:PerTarget:Window", "RateLimits:EmailedLink:PerClient:Window", "RateLimits:AccountMailsPerAddressPerHour"],
            result.Failures!.Select(f => f.Split(' ')[0]));
    }
}
