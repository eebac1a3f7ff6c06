using PreferenceCenter.Features.Common;
using PreferenceCenter.Features.Ledger;
using PreferenceCenter.Features.MyData;

namespace PreferenceCenter.Tests.Features.MyData;

public sealed class ConsentVocabularyTests
{
    [Theory]
    [InlineData(LedgerEventType.ConsentGranted, "granted", "granted")]
    [InlineData(LedgerEventType.ConsentWithdrawn, "withdrawn", "withdrawn")]
    [InlineData(LedgerEventType.ConsentExpired, "expired", "expired")]
    [InlineData(LedgerEventType.ConsentRenewed, "2027-11-23T10:14:00.000Z", "renewed")]
    [InlineData(LedgerEventType.ConsentConfirmationLapsed, "withdrawn", "not-confirmed")]
    public void State_NamesWhatTheEventLeftTheConsentIn(LedgerEventType type, string after, string expected)
    {
        var entry = new LedgerEntry
        {
            EventType = type, ActorId = "consent-expiry", PreviousHash = LedgerCanonicalForm.Genesis, After = after, Channel = Channel.Email,
        };

        Assert.Equal(expected, ConsentVocabulary.State(entry));
    }
}
