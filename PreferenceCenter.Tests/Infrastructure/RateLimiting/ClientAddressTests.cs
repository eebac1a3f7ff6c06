using System.Net;
using PreferenceCenter.Infrastructure.RateLimiting;

namespace PreferenceCenter.Tests.Infrastructure.RateLimiting;

public sealed class ClientAddressTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void An_address_is_counted_by_itself_or_IPv6_by_its_64_block(string address, string key) =>
        Assert.Equal(key, ClientAddress.KeyOf(IPAddress.Parse(address)));

    [Fact]
    public void No_address_is_one_partition_of_its_own() => Assert.Equal("unknown", ClientAddress.KeyOf(null));

    [Fact]
    public void A_target_is_one_key_however_it_is_typed_and_never_the_address_itself()
    {
        Assert.Equal(TargetKey.Of("Ana@Example.com"), TargetKey.Of("  ana@example.com "));
        Assert.DoesNotContain("ana", TargetKey.Of("ana@example.com"), StringComparison.Ordinal);
        Assert.Null(TargetKey.Of("   "));
    }
}
