using PreferenceCenter.Features.PersonalData;
using PreferenceCenter.Tests.TestHost;

namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class ContactNormalizerTests
{
    [Theory]
    [InlineData("  Ada@Example.COM ", "ada@example.com")]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void Email_IsTrimmedAndLowerCased(string? typed, string? expected) => Assert.Equal(expected, ContactNormalizer.Email(typed));

    [Theory]
    [InlineData("+39 333 123 4567", "+393331234567")]
    [InlineData("0039-333-1234567", "+393331234567")]
    [InlineData("(333) 123.4567", "3331234567")]
    [InlineData("call me", null)]
    [InlineData(" ", null)]
    public void Phone_KeepsDigitsAndTheInternationalPlus(string typed, string? expected) => Assert.Equal(expected, ContactNormalizer.Phone(typed));

    [Fact]
    public void EmailAndPhoneHashes_AreKeyedAndNeverShared()
    {
        var index = new BlindIndex(TestKeys.Keys);
        var otherKey = new byte[32];

        Assert.Equal(index.OfEmail("ADA@example.com"), index.OfEmail("ada@example.com "));
        Assert.NotEqual(index.OfEmail("ada@example.com"), KeyedHash.OfEmail(otherKey, "ada@example.com"));
        Assert.NotEqual(index.OfEmail("12345"), index.OfPhone("12345"));
        Assert.Matches("^[0-9a-f]{64}$", index.OfPhone("+39 333 123 4567"));
    }
}
