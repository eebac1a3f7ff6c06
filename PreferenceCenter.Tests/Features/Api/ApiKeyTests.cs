using PreferenceCenter.Features.Api.Clients;

namespace PreferenceCenter.Tests.Features.Api;

public sealed class ApiKeyTests
{
    [Fact]
    public void New_ParsesBackToItsClient_AndMatchesOnlyItsOwnHash()
    {
        var id = Guid.NewGuid();
        var (key, hash) = ApiKey.New(id);

        Assert.True(ApiKey.TryParse(key, out var parsed, out var secret));
        Assert.Equal(id, parsed);
        Assert.True(ApiKey.Matches(secret, hash));
        Assert.False(ApiKey.Matches(secret, ApiKey.New(id).Hash));
        Assert.DoesNotContain(Convert.ToHexString(hash), key, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("pck_")]
    [InlineData("Bearer pck_0123")]
    [InlineData("pck_0123456789abcdef0123456789abcdef")]
    [InlineData("pck_0123456789abcdef0123456789abcdef_short")]
    [InlineData("pck_0123456789abcdef0123456789abcdeg_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void TryParse_RefusesWhatIsNotAKey(string? key) => Assert.False(ApiKey.TryParse(key, out _, out _));

    [Fact]
    public void TryParse_RefusesAnOversizedHeader() =>
        Assert.False(ApiKey.TryParse("pck_0123456789abcdef0123456789abcdef_" + new string('A', 10_000), out _, out _));
}
