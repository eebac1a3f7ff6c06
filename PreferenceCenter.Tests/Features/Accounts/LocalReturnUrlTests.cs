using PreferenceCenter.Features.Accounts;

namespace PreferenceCenter.Tests.Features.Accounts;

public sealed class LocalReturnUrlTests
{
    private const string App = "https://prefs.example.com/";

    [Theory]
    [InlineData("/preferences", "preferences")]
    [InlineData("preferences?tab=2", "preferences?tab=2")]
    [InlineData("~/history", "history")]
    [InlineData("https://prefs.example.com/my-data", "my-data")]
    [InlineData("HTTPS://PREFS.EXAMPLE.COM/privacy", "privacy")]
    [InlineData("/", "")]
    public void ToAppPath_APathInsideTheApp_IsKept(string returnUrl, string expected) =>
        Assert.Equal(expected, LocalReturnUrl.ToAppPath(returnUrl, App));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://attacker.example/")]
    [InlineData("https://prefs.example.com.attacker.example/")]
    [InlineData("//attacker.example")]
    [InlineData("/\\attacker.example")]
    [InlineData("\\\\attacker.example")]
    [InlineData("///attacker.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("preferences\r\nSet-Cookie: x=1")]
    [InlineData("pre\u0000ferences")]
    [InlineData("a b")]
    [InlineData("~//attacker.example")]
    public void ToAppPath_AnythingElse_IsNothing(string? returnUrl) =>
        Assert.Null(LocalReturnUrl.ToAppPath(returnUrl, App));

    [Fact]
    public void ToAppPath_AnOverlongValue_IsNothing() =>
        Assert.Null(LocalReturnUrl.ToAppPath("/" + new string('a', LocalReturnUrl.MaxLength), App));
}
