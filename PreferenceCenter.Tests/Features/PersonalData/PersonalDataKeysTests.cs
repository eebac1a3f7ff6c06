using PreferenceCenter.Features.PersonalData;

namespace PreferenceCenter.Tests.Features.PersonalData;

public sealed class PersonalDataKeysTests
{
    [Fact]
    public void MissingAndMalformedKeys_AreNamedInOneMessage()
    {
        var error = Assert.Throws<InvalidOperationException>(() => PersonalDataKeys.From(new PersonalDataOptions
        {
            MasterKey = null, BlindIndexKey = "not base64!", SuppressionKey = Convert.ToBase64String(new byte[16]),
        }));

        Assert.Contains("PersonalData:MasterKey is not configured", error.Message, StringComparison.Ordinal);
        Assert.Contains("PersonalData:BlindIndexKey is not base64 of 32 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("PersonalData:SuppressionKey is not base64 of 32 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameKeyTwice_IsRefused()
    {
        var key = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)i).ToArray());

        var error = Assert.Throws<InvalidOperationException>(() => PersonalDataKeys.From(new PersonalDataOptions
        {
            MasterKey = key, BlindIndexKey = key, SuppressionKey = Convert.ToBase64String(new byte[32]),
        }));

        Assert.Contains("three different keys", error.Message, StringComparison.Ordinal);
    }
}
